package io.pipelinesgateway.pipeline;

import java.time.Instant;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static io.pipelinesgateway.support.Fixtures.pipelinesPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the gateway's own branch filter, a page's scan may pass pipelines of other branches after its last edge:
 * {@code endCursor} is still the last edge's cursor, as Relay requires, and that cursor resumes where the scan
 * stopped, so the next page neither reads Bitbucket's pages again nor skips a pipeline of the branch.
 */
class ABranchsPageEndsAtItsLastEdgesCursorTest extends GatewayTest {

    private static final String PAGE = """
            query($after: String) {
              repository(workspace: "acme", slug: "api") {
                pipelines(first: 1, after: $after, branch: "main") {
                  pageInfo { hasNextPage startCursor endCursor }
                  edges { cursor node { buildNumber } }
                }
              }
            }
            """;

    @Test
    void theEndCursorIsTheLastEdgesAndTheNextPageReadsOnFromWhereTheScanStopped() {
        given("repository-api.json");
        GeneratedBitbucket generated = new GeneratedBitbucket(bitbucket).repository("acme", "api");
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int number = 1; number <= 160; number++) {
            // Newest first, main is at indexes 0, 150 and 155: the gap after the first spans Bitbucket's page 1.
            String branch = number == 160 || number == 10 || number == 5 ? "main" : "feature/x";
            generated.pipeline("acme", "api", start.plusSeconds(60L * number), "SUCCESSFUL", branch, "c0ffee", 60);
        }
        generated.stub();

        var first = graphQl.document(PAGE).execute();
        first.path("repository.pipelines.edges[*].node.buildNumber").entityList(Integer.class).containsExactly(160);
        String lastEdge = first.path("repository.pipelines.edges[0].cursor").entity(String.class).get();
        first.path("repository.pipelines.pageInfo.startCursor").entity(String.class).isEqualTo(lastEdge)
                .path("repository.pipelines.pageInfo.endCursor").entity(String.class).isEqualTo(lastEdge)
                .path("repository.pipelines.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);

        var second = graphQl.document(PAGE).variable("after", lastEdge).execute();
        second.path("repository.pipelines.edges[*].node.buildNumber").entityList(Integer.class).containsExactly(10);
        String secondEdge = second.path("repository.pipelines.edges[0].cursor").entity(String.class).get();
        second.path("repository.pipelines.pageInfo.endCursor").entity(String.class).isEqualTo(secondEdge);

        graphQl.document(PAGE).variable("after", secondEdge).execute()
                .path("repository.pipelines.edges[*].node.buildNumber").entityList(Integer.class).containsExactly(5)
                .path("repository.pipelines.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        // The first page's scan read Bitbucket's pages 1 and 2; the pages after it start on page 2.
        bitbucket.verify(exactly(1), getOf(pipelinesPath()).withQueryParam("page", havingExactly("1")));
        assertThat(bitbucket.findAll(getOf(pipelinesPath()))).hasSize(4);
    }
}
