package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.util.List;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.SandboxClient;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stepStatusChanged}: each step's transitions, against the state the subscriber had when it subscribed, and
 * the end of the subscription once every step has completed.
 */
@LiveSandboxTest
class StepStatusChangedTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SUBSCRIPTION = """
            subscription {
              stepStatusChanged(pipeline: %s) {
                status previousStatus previousState { name result }
                step { uuid name status state { name result } pipeline { uuid } }
              }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Test
    void theStepsCurrentStatesThenEachTransitionArriveInOrderAndTheSubscriptionEndsWithThePipeline() {
        String pipeline = new GatewayClient(url()).run("acme/infra", "main").uuid();
        List<String> steps = sandbox().steps("acme/infra", pipeline);
        String id = GlobalId.encode("Pipeline", "acme", "infra", pipeline);
        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(), null,
                SUBSCRIPTION.formatted("{id: \"" + id + "\"}"), "stepStatusChanged"))) {
            awaitStep(events, steps.get(1), "PENDING", () -> { });
            awaitStep(events, steps.get(0), "IN_PROGRESS", () -> clock.advance(Duration.ofSeconds(11)));
            awaitStep(events, steps.get(1), "IN_PROGRESS", () -> clock.advance(Duration.ofSeconds(10)));
            clock.advance(Duration.ofSeconds(10));
            events.awaitCompletion(WAIT);

            assertThat(events.items()).extracting(event -> event.path("step").path("uuid").asString() + " "
                            + event.path("previousStatus").asString("") + " -> " + event.path("status").asString())
                    .containsExactly(
                            steps.get(0) + "  -> READY",
                            steps.get(1) + "  -> PENDING",
                            steps.get(0) + " READY -> IN_PROGRESS",
                            steps.get(0) + " IN_PROGRESS -> SUCCESSFUL",
                            steps.get(1) + " PENDING -> IN_PROGRESS",
                            steps.get(1) + " IN_PROGRESS -> SUCCESSFUL");
            assertThat(events.items()).allSatisfy(event ->
                    assertThat(event.path("step").path("pipeline").path("uuid").asString()).isEqualTo(pipeline));
        }
    }

    @Test
    void aPipelineNamedByCoordinatesIsFollowedLikeOneNamedByItsId() {
        String pipeline = new GatewayClient(url()).run("acme/infra", "main").uuid();
        int buildNumber = sandbox().pipeline("acme/infra", pipeline).path("build_number").asInt();
        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(), null,
                SUBSCRIPTION.formatted("{workspace: \"acme\", repository: \"infra\", buildNumber: " + buildNumber
                        + "}"), "stepStatusChanged"))) {
            events.awaitItem(event -> event.path("status").asString().equals("READY"), WAIT);
            clock.advance(Duration.ofSeconds(11));
            JsonNode started = events.awaitItem(event -> event.path("status").asString().equals("IN_PROGRESS"),
                    WAIT);

            assertThat(started.path("step").path("pipeline").path("uuid").asString()).isEqualTo(pipeline);
            assertThat(started.path("previousState").path("name").asString()).isEqualTo("READY");
        }
    }

    @Test
    void aPipelineThatHasCompletedEndsTheSubscriptionRightAfterItsStepsStates() {
        String pipeline = new GatewayClient(url()).run("acme/infra", "main").uuid();
        clock.advance(Duration.ofSeconds(35));
        String id = GlobalId.encode("Pipeline", "acme", "infra", pipeline);
        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(), null,
                SUBSCRIPTION.formatted("{id: \"" + id + "\"}"), "stepStatusChanged"))) {
            events.awaitCompletion(WAIT);

            assertThat(events.items()).hasSize(2).allSatisfy(event -> {
                assertThat(event.path("status").asString()).isEqualTo("SUCCESSFUL");
                assertThat(event.path("previousStatus").isNull()).isTrue();
            });
        }
    }

    private static void awaitStep(Recorder<JsonNode> events, String step, String status, Runnable action) {
        action.run();
        events.awaitItem(event -> event.path("step").path("uuid").asString().equals(step)
                && event.path("status").asString().equals(status), WAIT);
    }

    private SandboxClient sandbox() {
        return new SandboxClient(url());
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
