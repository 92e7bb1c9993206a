package io.pipelinesgateway.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import io.pipelinesgateway.support.GeneratedBitbucket.GeneratedPipeline;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed reads a repository's pipelines a page at a time, newest first. Where Bitbucket serves that listing in pages
 * of 10 whatever length is asked, the first page is no last page: the feed goes on in pages of the length served
 * and yields every pipeline. Its own gateway: what a gateway learns of page lengths lasts as long as it does.
 */
@DirtiesContext
class FeedReadsEveryPipelineWhereBitbucketServesShorterPagesTest extends GatewayTest {

    @Test
    void everyPipelineIsInTheFeedInOrder() {
        GeneratedBitbucket generated = GeneratedBitbucket.servingPagesOf(bitbucket, 10);
        generated.repository("acme", "api");
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int number = 0; number < 35; number++) {
            generated.pipeline("acme", "api", start.plusSeconds(3600L * number), "SUCCESSFUL", "main", "c0ffee", 60);
        }
        generated.stub();

        List<String> paged = FeedPages.all(graphQl, Map.of("workspaces", List.of("acme")), 15);

        assertThat(paged).hasSize(35)
                .containsExactlyElementsOf(generated.newestFirst().stream().map(GeneratedPipeline::uuid).toList());
    }
}
