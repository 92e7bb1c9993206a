package io.pipelinesgateway.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.pipelinesgateway.feed.FeedMergesEveryRepositoryNewestFirstTest.BOTH_WORKSPACES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed reads only the pages its merge needs: one repository listing per workspace, then per repository the
 * first page, and a further page only once the earlier ones are used up; a scan stops at {@code createdAfter}.
 * Six repositories of 150 pipelines each (two upstream pages), acme/api holding the 150 newest.
 */
class FeedUpstreamCallsStayWithinTheBoundTest extends GatewayTest {

    private static final Instant NEWEST = Instant.parse("2026-11-20T12:00:00Z");

    @BeforeEach
    void sixRepositoriesOfTwoPagesEach() {
        GeneratedBitbucket generated = new GeneratedBitbucket(bitbucket);
        String[][] repositories = {{"acme", "api"}, {"acme", "web-app"}, {"acme", "infra"},
                {"globex", "billing-service"}, {"globex", "mobile-app"}, {"globex", "data-pipeline"}};
        for (int index = 0; index < repositories.length; index++) {
            generated.repository(repositories[index][0], repositories[index][1]);
            for (int number = 0; number < 150; number++) {
                generated.pipeline(repositories[index][0], repositories[index][1],
                        NEWEST.minusSeconds(3600L * 24 * index + 60L * number), "SUCCESSFUL", "main", "c0ffee", 60);
            }
        }
        generated.stub();
    }

    @Test
    void aSmallPageReadsTheFirstPageOfEachRepositoryOnly() {
        FeedPages.page(graphQl, BOTH_WORKSPACES, 10, null);

        assertThat(pipelinePagesRead()).containsExactlyInAnyOrder(
                "acme/api@1", "acme/web-app@1", "acme/infra@1",
                "globex/billing-service@1", "globex/mobile-app@1", "globex/data-pipeline@1");
        assertThat(upstreamRequests()).hasSize(2 + 6);
    }

    @Test
    void aSecondPageIsReadOnlyFromTheRepositoryWhoseFirstPageWasUsedUp() {
        FeedPages.Page first = FeedPages.page(graphQl, BOTH_WORKSPACES, 100, null);
        FeedPages.Page second = FeedPages.page(graphQl, BOTH_WORKSPACES, 30, first.endCursor());
        bitbucket.resetRequests();

        FeedPages.page(graphQl, BOTH_WORKSPACES, 100, second.endCursor());

        // 130 of api's pipelines are skipped and 20 taken: page 2 of api, page 1 of every other repository.
        assertThat(pipelinePagesRead()).containsExactlyInAnyOrder(
                "acme/api@1", "acme/api@2", "acme/web-app@1", "acme/infra@1",
                "globex/billing-service@1", "globex/mobile-app@1", "globex/data-pipeline@1");
        assertThat(upstreamRequests()).hasSize(2 + 7);
    }

    @Test
    void aScanStopsAtCreatedAfterEvenWhenNothingMatches() {
        FeedPages.page(graphQl, Map.<String, Object>of("workspaces", List.of("acme", "globex"),
                "statuses", List.of("FAILED"),
                "createdAfter", NEWEST.minusSeconds(30 * 60).toString()), 10, null);

        // Every pipeline is filtered out, yet no repository is read past its first page: each first page already
        // reaches back beyond createdAfter (without it, all 12 pages would be read).
        assertThat(pipelinePagesRead()).allMatch(read -> read.endsWith("@1")).hasSize(6);
    }

    @Test
    void eachPipelinesRepositoryComesFromTheListingAtNoFurtherCall() {
        graphQl.document("""
                        { pipelines(filter: {workspaces: ["acme", "globex"]}, first: 10) {
                            nodes { repository { fullName mainBranch } } } }""")
                .execute().errors().verify()
                .path("pipelines.nodes[*].repository.fullName").entityList(String.class).hasSize(10);

        assertThat(upstreamRequests()).hasSize(2 + 6);
    }

    private List<String> pipelinePagesRead() {
        return upstreamRequests().stream().filter(request -> request.getUrl().contains("/pipelines/"))
                .map(request -> request.getUrl().replaceFirst("^/2.0/repositories/([^/]+/[^/]+)/pipelines/.*", "$1")
                        + "@" + request.queryParameter("page").firstValue())
                .toList();
    }
}
