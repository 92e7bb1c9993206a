package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.pipelinesgateway.logging.RequestId;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.LogLines;
import io.pipelinesgateway.support.Payloads;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error graphql-java raises itself in a subscription's event can null non-null fields up to the subscription's
 * own: here a command list Bitbucket sends with a null in it, which the schema's {@code [StepCommand!]!} cannot hold,
 * under {@code StepStatusEvent.step: Step!}. graphql-java fails the event and ends the stream; the subscriber is told
 * that error, over WebSocket and Server-Sent Events alike, as a query would have answered it (its message, its code,
 * its path), not a failure of the gateway's with a reference, and nothing is logged as one.
 */
class AnErrorGraphQlJavaRaisesThatNullsASubscriptionsEventEndsItWithThatErrorTest extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void theSubscriberIsToldGraphQlJavasErrorWithItsCodeAndPath(Subscriptions transport) {
        String requestId = "null-in-an-event-over-" + transport;
        stepsWithANullCommand();

        try (LogLines unexpected = LogLines.of("io.pipelinesgateway.subscription", Level.ERROR)) {
            List<JsonNode> errors = endingErrorsOf(transport, requestId);

            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.path("message").asString()).startsWith(
                        "The field at path '/stepStatusChanged/step/scriptCommands[1]' was declared as a non null "
                                + "type");
                assertThat(error.path("extensions").path("code").asString()).isEqualTo("INTERNAL_ERROR");
                assertThat(error.path("extensions").has("reference")).as("a reference to a failure's log").isFalse();
                assertThat(error.path("extensions").path("requestId").asString()).isEqualTo(requestId);
                assertThat(error.path("path").valueStream().map(JsonNode::asString).toList())
                        .containsExactly("stepStatusChanged", "step", "scriptCommands", "1");
            });
            assertThat(unexpected.lines()).as("lines of an unexpected failure").isEmpty();
        }
    }

    /** Pipeline 42, whose first step's script commands hold a null after the one they had. */
    private void stepsWithANullCommand() {
        given("repository-api.json");
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(Fixtures.pipelinesPath())))
                .willReturn(Payloads.response("pipelines-newest-first.json")));
        given("pipeline-42.json");
        JsonNode steps = JSON.readTree(Payloads.text("steps-pipeline-42.json"));
        ((ArrayNode) ((ObjectNode) steps.path("values").get(0)).get("script_commands")).addNull();
        given("steps-pipeline-42.json", response -> response.withBody(JSON.writeValueAsString(steps)));
    }

    private List<JsonNode> endingErrorsOf(Subscriptions transport, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, Fixtures.bearer());
        headers.set(RequestId.HEADER, requestId);
        try (Recorder<JsonNode> events = Recorder.record(transport.subscribe(url(), headers, """
                subscription NullInAnEvent {
                  stepStatusChanged(pipeline: {workspace: "acme", repository: "api", uuid: "%s"}) {
                    step { name scriptCommands { name } }
                  }
                }""".formatted(Fixtures.PIPELINE_42), Map.of(), "stepStatusChanged"))) {
            Throwable failure = events.awaitError(WAIT);
            assertThat(failure).isInstanceOf(Subscriptions.Failure.class);
            return ((Subscriptions.Failure) failure).errors();
        }
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
