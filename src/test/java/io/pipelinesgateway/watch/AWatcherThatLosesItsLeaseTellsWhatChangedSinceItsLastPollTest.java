package io.pipelinesgateway.watch;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.PipelineStatusEvents;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A watcher whose lease another replica has taken polls once more before it stops, so a change since its last poll
 * is told even if the new watcher, having seen it first, told it where this replica's subscribers could not hear it
 * (as after a Redis outage). Here the other replica is only a name in the lease, which polls nothing, and the watcher
 * waits 30 s between polls: the change can only come from that last poll.
 */
@LiveSandboxTest
class AWatcherThatLosesItsLeaseTellsWhatChangedSinceItsLastPollTest {

    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RepositoryKey INFRA = new RepositoryKey("acme", "infra");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Watchers watchers;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("gateway.redis.key-prefix", () -> PREFIX);
        registry.add("gateway.watch.fast-interval", () -> "30s");
        registry.add("gateway.watch.max-interval", () -> "60s");
        registry.add("gateway.watch.lease-ttl", () -> "1500ms");
    }

    @Test
    void itPollsOnceMoreAndStops() {
        String url = "http://127.0.0.1:" + port;
        try (Recorder<JsonNode> events = Recorder.record(
                Subscriptions.WEB_SOCKET.pipelineStatuses(url, null, "acme", "infra"))) {
            await().atMost(WAIT).until(() -> watchers.pollsHere(INFRA) >= 1);
            // A run through the gateway wakes the watcher at once; after that it waits its 30 s.
            String uuid = new GatewayClient(url).run("acme/infra", "main").uuid();
            awaitStatus(events, uuid, "PENDING");
            clock.advance(Duration.ofSeconds(11));

            takeTheLeaseAsAnotherReplica();

            awaitStatus(events, uuid, "RUNNING");
            await().atMost(WAIT).until(() -> !watchers.watchesHere(INFRA));
            assertThat(events.error()).isNull();
        }
    }

    private void takeTheLeaseAsAnotherReplica() {
        RedisClient client = RedisClient.create(TestRedis.url());
        try (var connection = client.connect()) {
            connection.sync().set(PREFIX + "watch:lease:acme/infra", "another-replica", SetArgs.Builder.px(60_000));
        }
        finally {
            client.shutdown();
        }
    }

    private static JsonNode awaitStatus(Recorder<JsonNode> events, String uuid, String status) {
        return PipelineStatusEvents.awaitStatus(events, uuid, status, WAIT);
    }
}
