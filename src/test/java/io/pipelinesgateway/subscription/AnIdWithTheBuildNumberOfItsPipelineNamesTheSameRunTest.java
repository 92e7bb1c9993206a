package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code PipelineLocator} or {@code StepLocator} may give the {@code id} together with the {@code buildNumber}
 * of the pipeline it names, as it may the {@code id} with its UUID: both name the same run, and the subscription
 * follows it. A build number of another run is refused as BAD_USER_INPUT, naming both fields; it is compared with
 * the pipeline's read that the subscription makes anyway.
 */
@LiveSandboxTest
class AnIdWithTheBuildNumberOfItsPipelineNamesTheSameRunTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int BUILD = 7;
    private static final String STEPS = """
            subscription { stepStatusChanged(pipeline: {id: "%s", workspace: "acme", repository: "web-app",
              buildNumber: %d}) { status step { pipeline { buildNumber } } } }""";
    private static final String LOG = """
            subscription { stepLogAppended(step: {id: "%s", buildNumber: %d}) { offset } }""";

    @LocalServerPort
    int port;

    @Test
    void aPipelinesIdWithItsOwnBuildNumberIsFollowed() {
        try (Recorder<JsonNode> events = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(), null,
                STEPS.formatted(build().get("id"), BUILD), "stepStatusChanged"))) {
            JsonNode first = events.awaitItem(event -> true, WAIT);

            assertThat(first.path("step").path("pipeline").path("buildNumber").asInt()).isEqualTo(BUILD);
        }
    }

    @Test
    void aPipelinesIdWithAnotherRunsBuildNumberIsBadInputNamingBoth() {
        JsonNode error = onlyErrorOf(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(), null,
                STEPS.formatted(build().get("id"), BUILD + 1), "stepStatusChanged"));

        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("message").asString()).contains("'buildNumber' (" + (BUILD + 1) + ")", "'id'",
                "(" + BUILD + ")");
    }

    @Test
    void aStepsIdWithItsPipelinesBuildNumberIsFollowed() {
        try (Recorder<JsonNode> chunks = Recorder.record(Subscriptions.WEB_SOCKET.subscribe(url(), null,
                LOG.formatted(firstStepId(), BUILD), "stepLogAppended"))) {
            assertThat(chunks.awaitItem(chunk -> true, WAIT).path("offset").asInt()).isZero();
        }
    }

    @Test
    void aStepsIdWithAnotherRunsBuildNumberIsBadInputNamingBoth() {
        JsonNode error = onlyErrorOf(Subscriptions.WEB_SOCKET.subscribe(url(), null,
                LOG.formatted(firstStepId(), BUILD + 1), "stepLogAppended"));

        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("message").asString()).contains("'buildNumber' (" + (BUILD + 1) + ")", "'id'",
                "(" + BUILD + ")");
    }

    /** Build 7 of acme/web-app, as the gateway answers it: its {@code id} and its steps' {@code id}s. */
    private Map<String, Object> build() {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl(url() + "/graphql").build())
                .document("""
                        { pipeline(workspace: "acme", repository: "web-app", buildNumber: %d) {
                            id steps { id } } }""".formatted(BUILD))
                .execute().path("pipeline").entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    @SuppressWarnings("unchecked")
    private String firstStepId() {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) build().get("steps");
        return (String) steps.get(0).get("id");
    }

    private static JsonNode onlyErrorOf(Flux<JsonNode> subscription) {
        try (Recorder<JsonNode> events = Recorder.record(subscription)) {
            Throwable failure = events.awaitError(WAIT);
            assertThat(failure).isInstanceOf(Subscriptions.Failure.class);
            assertThat(events.items()).isEmpty();
            List<JsonNode> errors = ((Subscriptions.Failure) failure).errors();
            assertThat(errors).hasSize(1);
            return errors.get(0);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
