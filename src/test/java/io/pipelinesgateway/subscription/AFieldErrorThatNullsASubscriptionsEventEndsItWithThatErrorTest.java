package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.pipelinesgateway.logging.RequestId;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.LogLines;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A field error in a subscription's event that nulls non-null fields up to the subscription's own (here a bad
 * argument to a step's {@code containerLog}, under {@code StepStatusEvent.step: Step!}) fails the event in
 * graphql-java, which ends the stream. The subscriber is told why, over WebSocket and Server-Sent Events alike: the
 * subscription ends with that field's own error, its code and path, not a transport's generic error; the access log
 * writes it as an error with that code, and nothing is logged as an unresolved failure.
 */
@LiveSandboxTest
class AFieldErrorThatNullsASubscriptionsEventEndsItWithThatErrorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void theSubscriberIsToldTheFieldsOwnErrorWithItsCodeAndPath(Subscriptions transport) {
        String requestId = "nulled-event-over-" + transport;

        List<JsonNode> errors = endingErrorsOf(transport, requestId);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
            assertThat(error.path("message").asString()).contains("uuid");
            assertThat(path(error)).containsExactly("stepStatusChanged", "step", "containerLog");
            assertThat(error.path("extensions").path("requestId").asString()).isEqualTo(requestId);
        });
    }

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void theAccessLogWritesItAsAnErrorWithTheFieldsCode(Subscriptions transport) {
        try (LogLines access = LogLines.of("io.pipelinesgateway.access", Level.INFO)) {
            endingErrorsOf(transport, "nulled-event-logged-over-" + transport);

            await().atMost(WAIT).until(() -> !ofNulledEvent(access).isEmpty());
            assertThat(ofNulledEvent(access)).singleElement().satisfies(line -> {
                assertThat(line.message()).matches("subscription NulledEvent error in \\d+ ms \\[BAD_USER_INPUT]");
                assertThat(line.keyValues()).containsEntry("outcome", "error")
                        .containsEntry("errorCodes", "BAD_USER_INPUT");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void nothingIsLoggedAsAnUnresolvedOrUnexpectedFailure(Subscriptions transport) {
        try (LogLines spring = LogLines.of("org.springframework.graphql", Level.WARN);
                LogLines gateway = LogLines.of("io.pipelinesgateway.graphql", Level.WARN)) {
            endingErrorsOf(transport, "nulled-event-unlogged-over-" + transport);

            assertThat(spring.lines()).as("Spring's lines of an unresolved failure").isEmpty();
            assertThat(gateway.lines()).as("the gateway's lines of an unexpected failure").isEmpty();
        }
    }

    /** Subscribes to a new run's steps, a bad argument to a non-null field of each event: the errors it ends with. */
    private List<JsonNode> endingErrorsOf(Subscriptions transport, String requestId) {
        String pipeline = new GatewayClient(url()).run("acme/infra", "main").uuid();
        try (Recorder<JsonNode> events = Recorder.record(transport.subscribe(url(), headers(requestId), """
                subscription NulledEvent {
                  stepStatusChanged(pipeline: {workspace: "acme", repository: "infra", uuid: "%s"}) {
                    step { containerLog(uuid: "not a uuid") { size } }
                  }
                }""".formatted(pipeline), Map.of(), "stepStatusChanged"))) {
            Throwable failure = events.awaitError(WAIT);
            assertThat(failure).isInstanceOf(Subscriptions.Failure.class);
            return ((Subscriptions.Failure) failure).errors();
        }
    }

    private static List<LogLines.Line> ofNulledEvent(LogLines access) {
        return access.lines().stream()
                .filter(line -> "NulledEvent".equals(line.keyValues().get("operationName")))
                .toList();
    }

    private static List<String> path(JsonNode error) {
        return error.path("path").valueStream().map(segment -> segment.asString()).toList();
    }

    private static HttpHeaders headers(String requestId) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(RequestId.HEADER, requestId);
        return headers;
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
