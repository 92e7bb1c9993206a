package io.pipelinesgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.SandboxClient;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.watch.Watchers;
import io.pipelinesgateway.support.TestSecrets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A verified commit-status webhook makes the watcher look at its repository at once: here the watcher would poll
 * only every 30 s, and the new run is reported within seconds of the delivery. A delivery with a wrong or no
 * signature is refused with 401 and makes nothing happen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.redis.url=",
        "gateway.sandbox.step-seconds=10",
        "gateway.watch.fast-interval=30s",
        "gateway.watch.max-interval=30s",
        "gateway.webhooks.secret=" + WebhookRefreshTest.SECRET,
        // Only the deliveries this test sends: the sandbox's own would bring the news as well.
        "gateway.sandbox.send-webhooks=false"})
@ActiveProfiles("sandbox")
@Import(TestClock.Configuration.class)
class WebhookRefreshTest {

    static final String SECRET = TestSecrets.WEBHOOK_SECRET;
    private static final RepositoryKey REPOSITORY = new RepositoryKey("acme", "infra");

    @LocalServerPort
    int port;

    @Autowired
    Watchers watchers;

    @Test
    void aSignedCommitStatusDeliveryBringsTheNewsSoonerThanThePollWouldAndAnUnsignedOneNothing()
            throws InterruptedException {
        try (Recorder<JsonNode> events = Recorder.record(
                Subscriptions.SERVER_SENT_EVENTS.pipelineStatuses(url(), null, "acme", "infra"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> watchers.pollsHere(REPOSITORY) >= 1);
            Thread.sleep(500);
            long polls = watchers.pollsHere(REPOSITORY);
            String uuid = new SandboxClient(url()).run("acme/infra", "main");
            byte[] body = """
                    {"repository": {"type": "repository", "full_name": "acme/infra", "name": "infra"},
                     "commit_status": {"state": "INPROGRESS", "key": "pipeline", "refname": "main"}}"""
                    .getBytes(StandardCharsets.UTF_8);

            deliver(body, "sha256=" + HexFormat.of().formatHex(WebhookSignature.sign("wrong secret", body)),
                    "application/json").expectStatus().isUnauthorized();
            deliver(body, null, "application/x-www-form-urlencoded").expectStatus().isUnauthorized();
            Thread.sleep(1500);
            assertThat(events.items()).isEmpty();
            assertThat(watchers.pollsHere(REPOSITORY)).isEqualTo(polls);

            long delivered = System.nanoTime();
            deliver(body, "sha256=" + HexFormat.of().formatHex(WebhookSignature.sign(SECRET, body)),
                    "application/json").expectStatus().isAccepted();
            JsonNode pending = events.awaitItem(event -> event.path("pipeline").path("uuid").asString().equals(uuid),
                    Duration.ofSeconds(10));

            assertThat(pending.path("status").asString()).isEqualTo("PENDING");
            assertThat(Duration.ofNanos(System.nanoTime() - delivered)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private WebTestClient.ResponseSpec deliver(byte[] body, String signature, String contentType) {
        WebTestClient.RequestBodySpec request = WebTestClient.bindToServer().baseUrl(url()).build()
                .post().uri("/webhooks/bitbucket")
                .header("X-Event-Key", "repo:commit_status_created")
                .header("X-Request-UUID", UUID.randomUUID().toString())
                .header("Content-Type", contentType);
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        return request.bodyValue(body).exchange();
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
