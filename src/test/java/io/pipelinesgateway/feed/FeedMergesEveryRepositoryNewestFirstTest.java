package io.pipelinesgateway.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import io.pipelinesgateway.support.GeneratedBitbucket.GeneratedPipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed over 2 workspaces × 3 repositories, with histories of different lengths (some beyond one upstream page)
 * and a creation time shared by pipelines of two repositories: its pages are exactly the global newest-first order.
 */
class FeedMergesEveryRepositoryNewestFirstTest extends GatewayTest {

    static final Map<String, Object> BOTH_WORKSPACES = Map.of("workspaces", List.of("acme", "globex"));

    private GeneratedBitbucket generated;

    @BeforeEach
    void sixRepositoriesWithInterleavedHistories() {
        generated = new GeneratedBitbucket(bitbucket);
        String[][] repositories = {{"acme", "api"}, {"acme", "web-app"}, {"acme", "infra"},
                {"globex", "billing-service"}, {"globex", "mobile-app"}, {"globex", "data-pipeline"}};
        int[] lengths = {140, 30, 0, 120, 7, 60};
        Random random = new Random(6);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int index = 0; index < repositories.length; index++) {
            generated.repository(repositories[index][0], repositories[index][1]);
            for (int number = 0; number < lengths[index]; number++) {
                generated.pipeline(repositories[index][0], repositories[index][1],
                        start.plusSeconds(random.nextInt(30 * 24 * 3600)), "SUCCESSFUL", "main", "c0ffee", 60);
            }
        }
        // A tie across repositories: the UUID decides.
        generated.pipeline("acme", "web-app", Instant.parse("2026-12-01T00:00:00Z"), "FAILED", "main", "c0ffee", 60);
        generated.pipeline("globex", "mobile-app", Instant.parse("2026-12-01T00:00:00Z"), "FAILED", "main", "c0ffee",
                60);
        generated.stub();
    }

    @Test
    void theFirstPageIsTheNewestPipelinesOfAllRepositories() {
        FeedPages.Page page = FeedPages.page(graphQl, BOTH_WORKSPACES, 25, null);

        assertThat(page.uuids()).containsExactlyElementsOf(
                generated.newestFirst().stream().limit(25).map(GeneratedPipeline::uuid).toList());
        assertThat(page.hasNextPage()).isTrue();
    }

    @Test
    void pagingYieldsEveryPipelineOnceInTheGlobalOrder() {
        List<String> paged = FeedPages.all(graphQl, BOTH_WORKSPACES, 37);

        assertThat(paged).hasSize(359).doesNotHaveDuplicates()
                .containsExactlyElementsOf(generated.newestFirst().stream().map(GeneratedPipeline::uuid).toList());
    }
}
