package io.pipelinesgateway.webhook;

import java.time.Duration;
import java.util.List;

import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.watch.Watchers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** A gateway with no webhook secret cannot tell Bitbucket's deliveries from anyone's, so it refuses them all. */
class WebhooksWithoutASecretTest {

    @Test
    void everyDeliveryIsRefusedWithAReasonAndChangesNothing() {
        Watchers watchers = mock(Watchers.class);
        PipelineEndpoints bitbucket = mock(PipelineEndpoints.class);
        RepositoriesWithWebhooks covered = mock(RepositoriesWithWebhooks.class);
        WebTestClient client = WebTestClient.bindToController(new BitbucketWebhookController(
                new WebhookProperties("", Duration.ofHours(1), Duration.ofHours(24), List.of()), watchers, bitbucket,
                JsonMapper.builder().build(),
                mock(SeenDeliveries.class), covered)).build();

        client.post().uri("/webhooks/bitbucket")
                .header("X-Event-Key", "repo:commit_status_updated")
                .header("X-Hub-Signature", "sha256=00")
                .bodyValue("{\"repository\":{\"full_name\":\"acme/api\"}}")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.message").value(message -> org.assertj.core.api.Assertions
                        .assertThat((String) message).contains("gateway.webhooks.secret"));

        verifyNoInteractions(watchers, bitbucket, covered);
    }
}
