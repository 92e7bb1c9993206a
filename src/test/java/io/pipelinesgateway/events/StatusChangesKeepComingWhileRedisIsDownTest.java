package io.pipelinesgateway.events;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.PipelineStatusEvents;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.support.TestRedis;
import io.pipelinesgateway.watch.Watchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway on its sandbox with a Redis of the test's own, stopped while a run goes on and started again (empty,
 * as a Redis without persistence comes back): a subscriber connected before the outage, over a real WebSocket, is
 * told every status of the run, during the outage and after it, each once and with no error; one that subscribes
 * during the outage is served too. Meanwhile {@code gateway.events.fallback} is 1 and events travel in process; once
 * Redis is back the gauge is 0, events travel over Redis again and the watcher's lease is in Redis again.
 */
@LiveSandboxTest
class StatusChangesKeepComingWhileRedisIsDownTest {

    private static final TestRedis.Dedicated REDIS = TestRedis.start();
    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RepositoryKey INFRA = new RepositoryKey("acme", "infra");
    private static final String SUBSCRIPTION = """
            subscription { pipelineStatusChanged(workspace: "acme", repository: "infra") {
              status previousStatus pipeline { uuid } } }""";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Watchers watchers;

    @Autowired
    EventBus bus;

    @Autowired
    MeterRegistry meterRegistry;

    @DynamicPropertySource
    static void useARedisThisTestMayStop(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", REDIS::url);
        registry.add("gateway.redis.key-prefix", () -> PREFIX);
        registry.add("gateway.watch.lease-ttl", () -> "1500ms");
    }

    @AfterAll
    static void stopRedis() {
        REDIS.stop();
    }

    @Test
    void aSubscriberHearsEveryStatusOfARunThroughARedisOutage() {
        try (Recorder<JsonNode> before = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(), null,
                SUBSCRIPTION, "pipelineStatusChanged"))) {
            await().atMost(WAIT).until(() -> watchers.pollsHere(INFRA) >= 1);
            assertThat(bus.kind()).isEqualTo("redis");
            String uuid = new GatewayClient(url()).run("acme/infra", "main").uuid();
            awaitStatus(before, uuid, "PENDING");

            REDIS.stop();
            await().atMost(WAIT).until(() -> fallback() == 1);
            assertThat(bus.kind()).isEqualTo("in-process");
            try (Recorder<JsonNode> during = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(), null,
                    SUBSCRIPTION, "pipelineStatusChanged"))) {
                // Once it is registered with the watcher it listens too: from then on, it misses nothing.
                await().atMost(WAIT).until(() -> meterRegistry.get("gateway.watch.subscriptions").gauge().value() == 2);
                clock.advance(Duration.ofSeconds(11));
                awaitStatus(before, uuid, "RUNNING");
                awaitStatus(during, uuid, "RUNNING");

                REDIS.restart();
                await().atMost(WAIT).until(() -> fallback() == 0);
                assertThat(bus.kind()).isEqualTo("redis");
                await().atMost(WAIT).until(this::leaseIsInRedis);
                clock.advance(Duration.ofSeconds(20));
                awaitStatus(before, uuid, "SUCCESSFUL");
                awaitStatus(during, uuid, "SUCCESSFUL");

                assertThat(during.error()).isNull();
                assertThat(PipelineStatusEvents.statuses(during, uuid)).containsExactly("RUNNING", "SUCCESSFUL");
            }
            assertThat(before.error()).isNull();
            assertThat(PipelineStatusEvents.statuses(before, uuid)).containsExactly("PENDING", "RUNNING", "SUCCESSFUL");
        }
    }

    private double fallback() {
        return meterRegistry.get("gateway.events.fallback").gauge().value();
    }

    private boolean leaseIsInRedis() {
        RedisClient client = RedisClient.create(REDIS.url());
        try (var connection = client.connect()) {
            return connection.sync().exists(PREFIX + "watch:lease:acme/infra") == 1;
        }
        finally {
            client.shutdown();
        }
    }

    private static JsonNode awaitStatus(Recorder<JsonNode> events, String uuid, String status) {
        return PipelineStatusEvents.awaitStatus(events, uuid, status, WAIT);
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
