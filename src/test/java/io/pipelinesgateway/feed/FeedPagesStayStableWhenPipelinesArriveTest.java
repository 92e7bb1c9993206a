package io.pipelinesgateway.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import io.pipelinesgateway.support.GeneratedBitbucket.GeneratedPipeline;
import org.junit.jupiter.api.Test;

import static io.pipelinesgateway.feed.FeedMergesEveryRepositoryNewestFirstTest.BOTH_WORKSPACES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pipeline that starts while a client pages through the feed shifts every upstream page by one, yet the client
 * still sees every pipeline once: the cursor holds the last pipeline's place, not an offset.
 */
class FeedPagesStayStableWhenPipelinesArriveTest extends GatewayTest {

    @Test
    void aNewPipelineBetweenPagesNeitherRepeatsNorSkipsOne() {
        GeneratedBitbucket generated = new GeneratedBitbucket(bitbucket);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (String[] repository : new String[][] {{"acme", "api"}, {"acme", "web-app"}, {"acme", "infra"},
                {"globex", "billing-service"}, {"globex", "mobile-app"}, {"globex", "data-pipeline"}}) {
            generated.repository(repository[0], repository[1]);
        }
        for (int number = 0; number < 260; number++) {
            // api gets every other pipeline, so its upstream pages are the ones that shift.
            String[] repository = number % 2 == 0 ? new String[] {"acme", "api"}
                    : number % 3 == 0 ? new String[] {"globex", "mobile-app"} : new String[] {"acme", "infra"};
            generated.pipeline(repository[0], repository[1], start.plusSeconds(60L * number), "SUCCESSFUL", "main",
                    "c0ffee", 60);
        }
        generated.stub();
        List<String> before = generated.newestFirst().stream().map(GeneratedPipeline::uuid).toList();

        List<String> seen = new ArrayList<>();
        FeedPages.Page page = FeedPages.page(graphQl, BOTH_WORKSPACES, 40, null);
        seen.addAll(page.uuids());
        generated.pipeline("acme", "api", start.plusSeconds(60L * 1000), "FAILED", "main", "c0ffee", 60);
        generated.stub();
        while (page.hasNextPage()) {
            page = FeedPages.page(graphQl, BOTH_WORKSPACES, 40, page.endCursor());
            seen.addAll(page.uuids());
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(before);
    }
}
