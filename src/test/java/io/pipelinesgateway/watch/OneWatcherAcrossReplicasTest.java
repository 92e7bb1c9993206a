package io.pipelinesgateway.watch;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.PipelinesGatewayApplication;
import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.OwnNettyResources;
import io.pipelinesgateway.support.PipelineStatusEvents;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.SandboxClient;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas on one Redis (same URL, same prefix), each with a subscriber to the same repository: the
 * replica that runs the sandbox, and another that points its Bitbucket client at it. One watcher polls the
 * repository, on one replica only (its upstream calls show it); both subscribers get every event exactly once over
 * Redis pub/sub; and when the polling replica stops, its subscriber is told to subscribe again, and the other replica
 * takes over within seconds and goes on from what the first had seen, so the run's completion, which happened during
 * the hand-over, is still reported; a log followed from one replica and read partly by each watcher arrives whole.
 */
class OneWatcherAcrossReplicasTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final RepositoryKey REPOSITORY = new RepositoryKey("acme", "infra");
    private static final String SUBSCRIPTION = """
            subscription { pipelineStatusChanged(workspace: "acme", repository: "infra") {
              status previousStatus pipeline { uuid } } }""";

    private static final String LOG_SUBSCRIPTION = """
            subscription { stepLogAppended(step: {id: "%s"}) { offset endOffset text gap complete } }""";

    private ConfigurableApplicationContext sandboxReplica;
    private ConfigurableApplicationContext otherReplica;

    @AfterEach
    void stopReplicas() {
        if (otherReplica != null) {
            otherReplica.close();
        }
        if (sandboxReplica != null) {
            sandboxReplica.close();
        }
    }

    @Test
    void oneReplicaPollsBothSubscribersGetEachEventOnceAndTheOtherTakesOverWhenItStops() {
        String redis = TestRedis.url();
        String prefix = TestRedis.uniquePrefix();
        sandboxReplica = new SpringApplicationBuilder(PipelinesGatewayApplication.class, TestClock.Configuration.class,
                OwnNettyResources.class)
                .profiles("sandbox")
                .run(arguments(redis, prefix, "--gateway.sandbox.step-seconds=10"));
        String sandboxUrl = url(sandboxReplica);
        otherReplica = new SpringApplicationBuilder(PipelinesGatewayApplication.class, OwnNettyResources.class)
                // Its callers, like the sandbox's, send no credential: the sandbox serves them as its built-in user.
                .run(arguments(redis, prefix, "--gateway.bitbucket.base-url=" + sandboxUrl + "/sandbox/2.0",
                        "--gateway.security.anonymous=true"));
        Watchers sandboxWatchers = sandboxReplica.getBean(Watchers.class);
        Watchers otherWatchers = otherReplica.getBean(Watchers.class);
        TestClock clock = sandboxReplica.getBean(TestClock.class);

        // The other replica's subscriber comes first, so its replica takes the lease.
        Recorder<JsonNode> log = null;
        Recorder<JsonNode> onOther = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(otherReplica), null,
                SUBSCRIPTION, "pipelineStatusChanged"));
        await().atMost(WAIT).until(() -> otherWatchers.pollsHere(REPOSITORY) >= 1);
        try (Recorder<JsonNode> onSandbox = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.subscribe(sandboxUrl,
                null, SUBSCRIPTION, "pipelineStatusChanged"))) {
            await().atMost(WAIT).until(() -> sandboxWatchers.hasSubscribers(REPOSITORY));

            SandboxClient sandbox = new SandboxClient(sandboxUrl);
            // Run with the mutation of the replica that does not poll, as a portal behind a load balancer may.
            String uuid = new GatewayClient(sandboxUrl).run("acme/infra", "main").uuid();
            String firstStep = sandbox.steps("acme/infra", uuid).get(0);
            // A log followed from the sandbox replica: the other replica's watcher learns of it through Redis.
            log = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(sandboxUrl, null, LOG_SUBSCRIPTION.formatted(
                    GlobalId.encode("Step", "acme", "infra", uuid, firstStep)), "stepLogAppended"));
            awaitStatus(onOther, uuid, "PENDING");
            awaitStatus(onSandbox, uuid, "PENDING");
            clock.advance(Duration.ofSeconds(11));
            awaitStatus(onOther, uuid, "RUNNING");
            awaitStatus(onSandbox, uuid, "RUNNING");

            // Its subscriptions' checks read the pipelines list too: its watcher's own polls tell.
            assertThat(sandboxWatchers.pollsHere(REPOSITORY)).as("the sandbox replica has not polled").isZero();
            assertThat(watcherCalls(otherReplica)).as("the other replica has").isPositive();
            assertThat(sandboxWatchers.watchesHere(REPOSITORY)).isFalse();
            assertThat(PipelineStatusEvents.statuses(onOther, uuid)).containsExactly("PENDING", "RUNNING");

            otherReplica.close();
            assertThat(((Subscriptions.Failure) onOther.awaitError(WAIT)).codes())
                    .as("the stopped replica's subscriber is told to subscribe again").containsExactly("SHUTTING_DOWN");
            clock.advance(Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(5)).until(() -> sandboxWatchers.watchesHere(REPOSITORY));
            JsonNode completed = awaitStatus(onSandbox, uuid, "SUCCESSFUL");

            assertThat(completed.path("previousStatus").asString()).isEqualTo("RUNNING");
            assertThat(sandboxWatchers.pollsHere(REPOSITORY)).as("the sandbox replica polls now").isPositive();
            assertThat(PipelineStatusEvents.statuses(onSandbox, uuid)).containsExactly("PENDING", "RUNNING", "SUCCESSFUL");

            // The log, read partly by one watcher and finished by the other, arrives whole, each byte once.
            log.awaitCompletion(WAIT);
            StringBuilder text = new StringBuilder();
            long offset = 0;
            for (JsonNode chunk : log.items()) {
                assertThat(chunk.path("offset").asLong()).isEqualTo(offset);
                assertThat(chunk.path("gap").asBoolean()).isFalse();
                text.append(chunk.path("text").asString());
                offset = chunk.path("endOffset").asLong();
            }
            assertThat(text.toString()).isEqualTo(sandbox.log("acme/infra", uuid, firstStep));
        }
        finally {
            onOther.close();
            if (log != null) {
                log.close();
            }
        }
    }

    static String[] arguments(String redis, String prefix, String... extra) {
        return Stream.concat(Stream.of("--server.port=0", "--spring.data.redis.url=" + redis,
                        "--gateway.redis.key-prefix=" + prefix, "--gateway.watch.fast-interval=100ms",
                        "--gateway.watch.max-interval=400ms", "--gateway.watch.lease-ttl=1500ms",
                        "--gateway.watch.calls-per-minute=100000"), Arrays.stream(extra))
                .toArray(String[]::new);
    }

    private static JsonNode awaitStatus(Recorder<JsonNode> events, String uuid, String status) {
        return PipelineStatusEvents.awaitStatus(events, uuid, status, WAIT);
    }

    /**
     * Reads of the repository's pipelines list: the watcher's calls, and the subscription checks' reads of its newest
     * pipeline.
     */
    private static double watcherCalls(ConfigurableApplicationContext replica) {
        return replica.getBean(MeterRegistry.class).find("gateway.upstream.requests").tag("resource", "pipelines")
                .tag("method", "GET").counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private static String url(ConfigurableApplicationContext replica) {
        return "http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port");
    }
}
