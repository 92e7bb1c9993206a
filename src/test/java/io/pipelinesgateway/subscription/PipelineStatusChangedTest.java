package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.util.List;

import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.PipelineStatusEvents;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.SandboxClient;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.watch.Watchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code pipelineStatusChanged} over a real WebSocket and a real Server-Sent Events response: a run started and
 * stopped with the gateway's mutations, or started elsewhere, is reported in order, each time with the status before.
 */
@LiveSandboxTest
class PipelineStatusChangedTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SUBSCRIPTION = """
            subscription {
              pipelineStatusChanged(workspace: "acme", repository: "%s") {
                status previousStatus observedAt
                previousState { name stage result }
                pipeline { id uuid buildNumber status state { name stage result } target { branch } }
              }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Watchers watchers;

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void aRunIsReportedPendingThenInProgressThenSuccessfulInOrder(Subscriptions transport) {
        try (Recorder<JsonNode> events = Recorder.record(transport.subscribe(url(), null,
                SUBSCRIPTION.formatted("infra"), "pipelineStatusChanged"))) {
            awaitWatched("infra");
            String uuid = gateway().run("acme/infra", "main").uuid();
            awaitStatus(events, uuid, "PENDING");
            clock.advance(Duration.ofSeconds(11));
            awaitStatus(events, uuid, "RUNNING");
            clock.advance(Duration.ofSeconds(20));
            awaitStatus(events, uuid, "SUCCESSFUL");

            List<JsonNode> run = PipelineStatusEvents.ofRun(events, uuid);
            assertThat(run).extracting(event -> event.path("status").asString())
                    .containsExactly("PENDING", "RUNNING", "SUCCESSFUL");
            assertThat(run).extracting(event -> event.path("pipeline").path("state").path("name").asString())
                    .containsExactly("PENDING", "IN_PROGRESS", "COMPLETED");
            assertThat(run).extracting(event -> event.path("previousStatus").asString(null))
                    .containsExactly(null, "PENDING", "RUNNING");
            assertThat(run.get(2).path("pipeline").path("state").path("result").asString()).isEqualTo("SUCCESSFUL");
            assertThat(run.get(2).path("previousState").path("stage").asString()).isEqualTo("RUNNING");
        }
    }

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void aStoppedPipelineIsReportedStopped(Subscriptions transport) {
        try (Recorder<JsonNode> events = Recorder.record(transport.subscribe(url(), null,
                SUBSCRIPTION.formatted("web-app"), "pipelineStatusChanged"))) {
            awaitWatched("web-app");
            GatewayClient.Run run = gateway().run("acme/web-app", "main");
            String uuid = run.uuid();
            awaitStatus(events, uuid, "PENDING");
            clock.advance(Duration.ofSeconds(11));
            awaitStatus(events, uuid, "RUNNING");
            gateway().stop(run.id());
            JsonNode stopped = awaitStatus(events, uuid, "STOPPED");

            assertThat(stopped.path("pipeline").path("state").path("name").asString()).isEqualTo("COMPLETED");
            assertThat(stopped.path("pipeline").path("state").path("result").asString()).isEqualTo("STOPPED");
            assertThat(stopped.path("previousStatus").asString()).isEqualTo("RUNNING");
            assertThat(PipelineStatusEvents.ofRun(events, uuid)).extracting(event -> event.path("status").asString())
                    .containsExactly("PENDING", "RUNNING", "STOPPED");
        }
    }

    @Test
    void aRunStartedOutsideTheGatewayIsFoundByPolling() {
        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(), null,
                SUBSCRIPTION.formatted("infra"), "pipelineStatusChanged"))) {
            awaitWatched("infra");
            // Through Bitbucket's API directly, as a push or another tool would: the gateway hears of it by polling.
            String uuid = sandbox().run("acme/infra", "main");

            assertThat(awaitStatus(events, uuid, "PENDING").path("previousStatus").isNull()).isTrue();
        }
    }

    @Test
    void thePipelineInAnEventIsAsFreshAsTheEventThoughTheCacheHeldItAMomentAgo() {
        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(), null, """
                subscription { pipelineStatusChanged(workspace: "globex", repository: "data-pipeline") {
                  status pipeline { uuid steps { status } } } }""", "pipelineStatusChanged"))) {
            await().atMost(WAIT).until(() -> watchers.pollsHere(new RepositoryKey("globex", "data-pipeline")) >= 1);
            String uuid = gateway().run("globex/data-pipeline", "main").uuid();
            awaitStatus(events, uuid, "PENDING");
            clock.advance(Duration.ofSeconds(11));
            // Its steps, read for this event, are now in the cache for a while (a list of unfinished steps).
            JsonNode running = awaitStatus(events, uuid, "RUNNING");
            assertThat(running.path("pipeline").path("steps").findValuesAsString("status"))
                    .containsExactly("IN_PROGRESS", "PENDING");
            clock.advance(Duration.ofSeconds(20));

            JsonNode successful = awaitStatus(events, uuid, "SUCCESSFUL");
            assertThat(successful.path("pipeline").path("steps").findValuesAsString("status"))
                    .containsExactly("SUCCESSFUL", "SUCCESSFUL");
        }
    }

    private void awaitWatched(String repository) {
        await().atMost(WAIT).until(() -> watchers.pollsHere(new RepositoryKey("acme", repository)) >= 1);
    }

    private static JsonNode awaitStatus(Recorder<JsonNode> events, String uuid, String status) {
        return PipelineStatusEvents.awaitStatus(events, uuid, status, WAIT);
    }

    private GatewayClient gateway() {
        return new GatewayClient(url());
    }

    private SandboxClient sandbox() {
        return new SandboxClient(url());
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
