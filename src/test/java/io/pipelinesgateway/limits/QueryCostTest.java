package io.pipelinesgateway.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the complexity of a query is counted: the objects its answer can hold, connections weighted by {@code first}.
 */
class QueryCostTest {

    private static final int ASSUMED_LIST_SIZE = 5;

    private static long costOf(String query) {
        return QueryCost.of(Queries.traverse(query), ASSUMED_LIST_SIZE);
    }

    @Test
    void nestedConnectionsMultiplyByTheirFirst() {
        // 100 workspaces + 100×100 repositories + 100×100×100 pipelines.
        assertThat(costOf("""
                { workspaces(first: 100) { nodes { repositories(first: 100) { nodes {
                    pipelines(first: 100) { nodes { buildNumber } } } } } } }
                """)).isEqualTo(1_010_100);
    }

    @Test
    void aConnectionWithoutFirstCountsItsDefaultPageSize() {
        // The repository, and 20 pipelines (the schema's default `first`).
        assertThat(costOf("""
                { repository(workspace: "acme", slug: "api") { pipelines { nodes { buildNumber } } } }
                """)).isEqualTo(1 + 20);
    }

    @Test
    void objectsInsideAConnectionAreCountedForEachItem() {
        // 5 pipelines, each with a target and its commit.
        assertThat(costOf("""
                { repository(workspace: "acme", slug: "api") {
                    pipelines(first: 5) { totalCount pageInfo { hasNextPage } edges { cursor node { target { commit { hash } } } } } } }
                """)).isEqualTo(1 + 5 * 3);
    }

    @Test
    void aListWithoutFirstCountsTheAssumedSize() {
        // The pipeline, its steps (assumed 5), and each step's log.
        assertThat(costOf("""
                { pipeline(workspace: "acme", repository: "api", buildNumber: 1) { steps { name log { size } } } }
                """)).isEqualTo(1 + ASSUMED_LIST_SIZE * 2);
    }

    @Test
    void nodesCountsTheIdsItIsGiven() {
        assertThat(costOf("""
                { nodes(ids: ["a", "b", "c"]) { id } }
                """)).isEqualTo(3);
    }

    @Test
    void scalarsAndIntrospectionCostNothing() {
        assertThat(costOf("""
                { __typename __schema { types { name fields { name type { name } } } } }
                """)).isZero();
    }

    @Test
    void aQueryTooBigToCountSaturatesRatherThanOverflowing() {
        // 100^10 objects is more than a long holds.
        String level = "repository { pipelines(first: 100) { nodes { %s } } }";
        String inner = "buildNumber";
        for (int i = 0; i < 10; i++) {
            inner = level.formatted(inner);
        }
        assertThat(costOf("{ pipeline(workspace: \"a\", repository: \"b\", buildNumber: 1) { " + inner + " } }"))
                .isEqualTo(Long.MAX_VALUE);
    }
}
