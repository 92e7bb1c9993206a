package io.pipelinesgateway.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped limits (their record's defaults) leave room for real dashboards and still refuse the runaway ones: the
 * README's dashboard query passes with room to spare, as does the same shape over every workspace with ten failed
 * tests a step; a hundred of a hundred of a hundred does not.
 */
class DefaultLimitsTest {

    private static final QueryLimitsProperties SHIPPED = Queries.shippedLimits();

    private static long costOf(String query) {
        return QueryCost.of(Queries.traverse(query), SHIPPED.assumedListSize());
    }

    @Test
    void theReadmeDashboardIsWellWithinTheDefaultComplexity() {
        // 5 workspaces × 3 repositories × 5 pipelines × 5 steps, each with 5 failed tests of 5 reasons.
        assertThat(costOf(Queries.readmeDashboard())).isEqualTo(12_995)
                .isLessThanOrEqualTo(SHIPPED.maxComplexity() / 10);
    }

    @Test
    void aDashboardOverEveryWorkspaceIsWithinTheDefaultComplexity() {
        // `workspaces` without `first` counts its default 20; this is the shape of the sandbox end-to-end test.
        assertThat(costOf("""
                { workspaces { nodes { slug repositories(first: 3) { nodes { fullName
                    pipelines(first: 5, statuses: [FAILED]) { nodes { buildNumber status
                      steps { name status
                        log { size tail(lines: 3) { text } range(offset: 0, length: 40) { text } }
                        testReport { total failed }
                        testCases(first: 10, statuses: [FAILED]) { nodes { name reasons { message } } } } } } } } } } }
                """)).isLessThanOrEqualTo(SHIPPED.maxComplexity());
    }

    @Test
    void aHundredOfAHundredOfAHundredIsOverTheDefaultComplexity() {
        assertThat(costOf("""
                { workspaces(first: 100) { nodes { repositories(first: 100) { nodes {
                    pipelines(first: 100) { nodes { buildNumber } } } } } } }
                """)).isGreaterThan(SHIPPED.maxComplexity());
    }

    @Test
    void theReadmeDashboardIsWithinTheDefaultDepth() {
        assertThat(QueryDepth.of(Queries.traverse(Queries.readmeDashboard()))).isLessThanOrEqualTo(SHIPPED.maxDepth());
    }
}
