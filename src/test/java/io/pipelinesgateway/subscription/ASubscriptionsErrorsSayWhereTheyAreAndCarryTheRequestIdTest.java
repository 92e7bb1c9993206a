package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.pipelinesgateway.logging.RequestId;
import io.pipelinesgateway.support.GatewayClient;
import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription's errors carry what a query's field errors carry, over WebSocket and Server-Sent Events alike: the
 * error that ends it (here a refusal) the path of its field, as the subscriber named it, and every one of them, an
 * event's field error too, the request id in {@code extensions.requestId}, to quote to whoever reads the logs.
 */
@LiveSandboxTest
class ASubscriptionsErrorsSayWhereTheyAreAndCarryTheRequestIdTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void aRefusalIsPathedToTheSubscriptionsFieldAndCarriesTheRequestId(Subscriptions transport) {
        String requestId = "refused-over-" + transport;

        JsonNode error = onlyErrorOf(transport.subscribe(url(), headers("Bearer forbidden", requestId), """
                subscription { pipelineStatusChanged(workspace: "acme", repository: "api") { status } }""",
                Map.of(), "pipelineStatusChanged"));

        assertThat(error.path("extensions").path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(path(error)).containsExactly("pipelineStatusChanged");
        assertThat(error.path("extensions").path("requestId").asString()).isEqualTo(requestId);
    }

    @Test
    void aRefusalOfASubscriptionUnderAnAliasIsPathedToTheAlias() {
        JsonNode error = onlyErrorOf(Subscriptions.SERVER_SENT_EVENTS.subscribe(url(),
                headers("Bearer forbidden", "refused-alias"), """
                subscription { build: pipelineStatusChanged(workspace: "acme", repository: "api") { status } }""",
                Map.of(), "build"));

        assertThat(path(error)).containsExactly("build");
    }

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void aFieldErrorInAnEventCarriesTheRequestId(Subscriptions transport) {
        String pipeline = new GatewayClient(url()).run("acme/infra", "main").uuid();
        String requestId = "event-error-over-" + transport;

        JsonNode error = onlyErrorOf(transport.subscribe(url(), headers(null, requestId), """
                subscription {
                  stepStatusChanged(pipeline: {workspace: "acme", repository: "infra", uuid: "%s"}) {
                    step { testCases(after: "not a cursor") { totalCount } }
                  }
                }""".formatted(pipeline), Map.of(), "stepStatusChanged"));

        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(path(error)).containsExactly("stepStatusChanged", "step", "testCases");
        assertThat(error.path("extensions").path("requestId").asString()).isEqualTo(requestId);
    }

    private static JsonNode onlyErrorOf(Flux<JsonNode> subscription) {
        try (Recorder<JsonNode> events = Recorder.record(subscription)) {
            Throwable failure = events.awaitError(WAIT);
            assertThat(failure).isInstanceOf(Subscriptions.Failure.class);
            List<JsonNode> errors = ((Subscriptions.Failure) failure).errors();
            assertThat(errors).hasSize(1);
            return errors.get(0);
        }
    }

    private static List<String> path(JsonNode error) {
        return error.path("path").valueStream().map(segment -> segment.asString()).toList();
    }

    private static HttpHeaders headers(String authorization, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        headers.set(RequestId.HEADER, requestId);
        return headers;
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
