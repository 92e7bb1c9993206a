package io.pipelinesgateway.watch;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.PipelinesGatewayApplication;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.OwnNettyResources;
import io.pipelinesgateway.support.PipelineStatusEvents;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas on a Redis of the test's own, each with a subscriber to one repository, the other replica's watcher
 * serving both. Redis stops: the replica that did not poll starts polling for its own subscriber, going on from the
 * copy it kept of the memory the watcher left in Redis (from nothing, it would take the run's state for its baseline
 * and say nothing), so a change made at that moment still reaches its subscriber. Redis starts again, empty: one
 * watcher serves both again, and both subscribers get every status of the run, once each.
 */
class EachReplicaWatchesForItsOwnSubscribersWhileRedisIsDownTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RepositoryKey REPOSITORY = new RepositoryKey("acme", "infra");
    private static final String SUBSCRIPTION = """
            subscription { pipelineStatusChanged(workspace: "acme", repository: "infra") {
              status previousStatus pipeline { uuid } } }""";

    private final TestRedis.Dedicated redis = TestRedis.start();
    private ConfigurableApplicationContext sandboxReplica;
    private ConfigurableApplicationContext otherReplica;

    @AfterEach
    void stop() {
        if (otherReplica != null) {
            otherReplica.close();
        }
        if (sandboxReplica != null) {
            sandboxReplica.close();
        }
        redis.stop();
    }

    @Test
    void bothSubscribersHearEveryStatusThroughTheOutageAndAfterIt() {
        String prefix = TestRedis.uniquePrefix();
        sandboxReplica = new SpringApplicationBuilder(PipelinesGatewayApplication.class, TestClock.Configuration.class,
                OwnNettyResources.class)
                .profiles("sandbox")
                .run(OneWatcherAcrossReplicasTest.arguments(redis.url(), prefix, "--gateway.sandbox.step-seconds=10"));
        String sandboxUrl = url(sandboxReplica);
        otherReplica = new SpringApplicationBuilder(PipelinesGatewayApplication.class,
                OwnNettyResources.class)
                .run(OneWatcherAcrossReplicasTest.arguments(redis.url(), prefix,
                        "--gateway.bitbucket.base-url=" + sandboxUrl + "/sandbox/2.0",
                        "--gateway.security.anonymous=true"));
        Watchers sandboxWatchers = sandboxReplica.getBean(Watchers.class);
        Watchers otherWatchers = otherReplica.getBean(Watchers.class);
        TestClock clock = sandboxReplica.getBean(TestClock.class);

        try (Recorder<JsonNode> onOther = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(otherReplica), null,
                SUBSCRIPTION, "pipelineStatusChanged"))) {
            await().atMost(WAIT).until(() -> otherWatchers.pollsHere(REPOSITORY) >= 1);
            try (Recorder<JsonNode> onSandbox = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(sandboxUrl, null,
                    SUBSCRIPTION, "pipelineStatusChanged"))) {
                await().atMost(WAIT).until(() -> sandboxWatchers.hasSubscribers(REPOSITORY));
                String uuid = new GatewayClient(sandboxUrl).run("acme/infra", "main").uuid();
                awaitStatus(onOther, uuid, "PENDING");
                awaitStatus(onSandbox, uuid, "PENDING");
                assertThat(sandboxWatchers.watchesHere(REPOSITORY)).isFalse();

                redis.stop();
                // At once, before the sandbox replica's watcher starts: it must find the change against its copy.
                clock.advance(Duration.ofSeconds(11));
                await().atMost(WAIT).until(() -> fallback(sandboxReplica) == 1 && fallback(otherReplica) == 1);
                awaitStatus(onOther, uuid, "RUNNING");
                awaitStatus(onSandbox, uuid, "RUNNING");
                assertThat(sandboxWatchers.watchesHere(REPOSITORY)).as("each replica polls for its own").isTrue();

                redis.restart();
                await().atMost(WAIT).until(() -> fallback(sandboxReplica) == 0 && fallback(otherReplica) == 0);
                await().atMost(WAIT).until(() -> sandboxWatchers.watchesHere(REPOSITORY)
                        != otherWatchers.watchesHere(REPOSITORY));
                clock.advance(Duration.ofSeconds(20));
                awaitStatus(onOther, uuid, "SUCCESSFUL");
                awaitStatus(onSandbox, uuid, "SUCCESSFUL");

                assertThat(onOther.error()).isNull();
                assertThat(onSandbox.error()).isNull();
                assertThat(PipelineStatusEvents.statuses(onOther, uuid)).containsExactly("PENDING", "RUNNING", "SUCCESSFUL");
                assertThat(PipelineStatusEvents.statuses(onSandbox, uuid)).containsExactly("PENDING", "RUNNING", "SUCCESSFUL");
            }
        }
    }

    private static double fallback(ConfigurableApplicationContext replica) {
        return replica.getBean(MeterRegistry.class).get("gateway.events.fallback").gauge().value();
    }

    private static JsonNode awaitStatus(Recorder<JsonNode> events, String uuid, String status) {
        return PipelineStatusEvents.awaitStatus(events, uuid, status, WAIT);
    }

    private static String url(ConfigurableApplicationContext replica) {
        return "http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port");
    }
}
