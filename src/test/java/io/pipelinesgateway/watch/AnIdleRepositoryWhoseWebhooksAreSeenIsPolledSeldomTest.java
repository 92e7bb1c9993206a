package io.pipelinesgateway.watch;

import java.time.Duration;
import java.util.Set;

import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.SandboxClient;
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
 * A status subscription's watcher over the sandbox, which sends Bitbucket's signed commit status deliveries as its
 * runs change. Until the repository's webhooks are seen, the watcher of an idle repository polls every
 * {@code max-interval}; once a run has brought deliveries, it backs off past that towards
 * {@code max-interval-with-webhooks}, and the next run is still told within seconds, as its delivery makes the
 * watcher poll at once. While that run runs, its watcher waits as for an idle repository, up to
 * {@code max-interval}, not every {@code fast-interval}: its end brings a delivery too. Times are short here: the
 * defaults are 3 seconds, a minute and ten minutes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.redis.url=",
        "gateway.sandbox.step-seconds=1",
        "gateway.watch.fast-interval=100ms",
        "gateway.watch.max-interval=500ms",
        "gateway.watch.max-interval-with-webhooks=1m"})
@ActiveProfiles("sandbox")
class AnIdleRepositoryWhoseWebhooksAreSeenIsPolledSeldomTest {

    private static final RepositoryKey REPOSITORY = new RepositoryKey("acme", "infra");
    private static final Duration FAST_INTERVAL = Duration.ofMillis(100);

    @LocalServerPort
    int port;

    @Autowired
    Watchers watchers;

    @Test
    void onceARunBroughtDeliveriesTheIdleWatcherBacksOffAndTheNextRunIsStillToldAtOnce()
            throws InterruptedException {
        try (Recorder<JsonNode> events = Recorder.record(
                Subscriptions.SERVER_SENT_EVENTS.pipelineStatuses(url(), null, "acme", "infra"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> watchers.pollsHere(REPOSITORY) >= 1);
            assertThat(pollsWithin(Duration.ofSeconds(3))).as("no delivery seen yet: polled every max-interval")
                    .isGreaterThanOrEqualTo(3);

            SandboxClient sandbox = new SandboxClient(url());
            String first = sandbox.run("acme/infra", "main");
            events.awaitItem(event -> isCompletion(event, first), Duration.ofSeconds(30));

            // The poll the delivery brought saw the end; quiet polls now wait 0.5, 1, 2, 4, 8 s...: after 4 s, the
            // next one is seconds away.
            Thread.sleep(4000);
            assertThat(pollsWithin(Duration.ofSeconds(3))).as("deliveries seen and nothing runs: polled seldom")
                    .isLessThanOrEqualTo(1);

            long started = System.nanoTime();
            String second = sandbox.run("acme/infra", "main");
            events.awaitItem(event -> event.path("pipeline").path("uuid").asString().equals(second),
                    Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("told on the run's delivery, not a poll")
                    .isLessThan(Duration.ofSeconds(4));

            long pollsBefore = watchers.pollsHere(REPOSITORY);
            long running = System.nanoTime();
            events.awaitItem(event -> isCompletion(event, second), Duration.ofSeconds(30));
            long fastPolls = Duration.ofNanos(System.nanoTime() - running).dividedBy(FAST_INTERVAL);
            assertThat(watchers.pollsHere(REPOSITORY) - pollsBefore)
                    .as("while it ran, where polls every fast-interval would have been %d: its end brought a delivery",
                            fastPolls)
                    .isLessThan(fastPolls / 2);
        }
    }

    private long pollsWithin(Duration window) throws InterruptedException {
        long before = watchers.pollsHere(REPOSITORY);
        Thread.sleep(window.toMillis());
        return watchers.pollsHere(REPOSITORY) - before;
    }

    private static boolean isCompletion(JsonNode event, String uuid) {
        return event.path("pipeline").path("uuid").asString().equals(uuid)
                && !Set.of("PENDING", "RUNNING").contains(event.path("status").asString());
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
