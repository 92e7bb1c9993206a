package io.pipelinesgateway.watch;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * However fast a watcher would poll, it makes no more upstream calls a minute for a workspace than
 * {@code gateway.watch.calls-per-minute}: here it would poll every 50 ms, and may call 5 times a minute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.redis.url=",
        "gateway.watch.fast-interval=50ms",
        "gateway.watch.max-interval=50ms",
        "gateway.watch.calls-per-minute=5"})
@ActiveProfiles("sandbox")
class WatchBudgetTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meterRegistry;

    @Autowired
    Watchers watchers;

    @Test
    void theWatcherMakesNoMoreCallsAMinuteThanItsBudgetHoweverFastItWouldPoll() throws InterruptedException {
        RepositoryKey repository = new RepositoryKey("globex", "billing-service");
        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(
                "http://127.0.0.1:" + port, null, """
                        subscription { pipelineStatusChanged(workspace: "globex", repository: "billing-service") {
                          status } }""", "pipelineStatusChanged"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> watchers.pollsHere(repository) >= 1);
            Thread.sleep(3000);

            assertThat(pipelineListReads()).as("the watcher's 5 calls, and the subscription's check").isEqualTo(5 + 1);
            assertThat(watchers.pollsHere(repository)).isLessThanOrEqualTo(5);
        }
    }

    /**
     * Reads of the pipelines list: the watcher's calls, and the subscriber's own check (the repository and its newest
     * pipeline), made once when it subscribes and outside the watcher's budget.
     */
    private double pipelineListReads() {
        return meterRegistry.find("gateway.upstream.requests").tag("resource", "pipelines").tag("method", "GET")
                .counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }
}
