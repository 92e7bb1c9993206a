package io.pipelinesgateway.watch;

import java.time.Duration;

import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.support.TestSecrets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run or a stop made with the gateway's own mutations makes the repository's watcher look at once: here it would
 * poll only every 30 s, and the run is reported within seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.redis.url=",
        "gateway.sandbox.step-seconds=10",
        "gateway.watch.fast-interval=30s",
        "gateway.watch.max-interval=30s",
        "gateway.webhooks.secret=" + TestSecrets.WEBHOOK_SECRET,
        // The mutations alone must bring the news: the sandbox's own deliveries would bring it as well.
        "gateway.sandbox.send-webhooks=false"})
@ActiveProfiles("sandbox")
@Import(TestClock.Configuration.class)
class RunThroughTheGatewayTest {

    private static final RepositoryKey REPOSITORY = new RepositoryKey("acme", "web-app");

    @LocalServerPort
    int port;

    @Autowired
    Watchers watchers;

    @Autowired
    TestClock clock;

    @Test
    void aRunAndAStopMadeWithTheMutationsAreReportedSoonerThanThePollWouldFindThem() throws InterruptedException {
        String url = "http://127.0.0.1:" + port;
        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url, null, """
                subscription { pipelineStatusChanged(workspace: "acme", repository: "web-app") {
                  status pipeline { uuid } } }""", "pipelineStatusChanged"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> watchers.pollsHere(REPOSITORY) >= 1);
            Thread.sleep(500);

            long started = System.nanoTime();
            GatewayClient.Run run = new GatewayClient(url).run("acme/web-app", "main");
            events.awaitItem(event -> event.path("pipeline").path("uuid").asString().equals(run.uuid())
                    && event.path("status").asString().equals("PENDING"), Duration.ofSeconds(10));
            new GatewayClient(url).stop(run.id());
            events.awaitItem(event -> event.path("pipeline").path("uuid").asString().equals(run.uuid())
                    && event.path("status").asString().equals("STOPPED"), Duration.ofSeconds(10));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }
}
