package io.pipelinesgateway.graphql;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pipelinesgateway.support.LiveSandboxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two streaming transports answer as their protocols say. Over Server-Sent Events a request that cannot run (a
 * typo, a missing variable, a syntax error) is answered with its real error, code and request id as over POST, and
 * a subscription's stream opens at once, before its first event. Over a WebSocket (graphql-transport-ws) a frame that
 * is not a message of the protocol closes the socket with 4400, and a {@code subscribe} that cannot run is answered
 * with an {@code error} message, not {@code next} and {@code complete}.
 */
@LiveSandboxTest
class StreamsFollowTheirProtocolsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STATUS = """
            subscription { pipelineStatusChanged(workspace: "acme", repository: "api") { status } }""";

    @LocalServerPort
    int port;

    @Test
    void overServerSentEventsATypoIsAnsweredWithTheValidationErrorItsCodeAndTheRequestId() {
        JsonNode error = sseError("subscription { pipelineStatusChanged(workspace: \"acme\", repository: \"api\") "
                + "{ statuz } }", Map.of(), "GRAPHQL_VALIDATION_FAILED");

        assertThat(error.path("message").asString()).contains("statuz");
    }

    @Test
    void overServerSentEventsAMissingVariableAndASyntaxErrorAreAnsweredWithTheirCodes() {
        sseError("subscription ($repository: String!) { pipelineStatusChanged(workspace: \"acme\", "
                + "repository: $repository) { status } }", Map.of(), "BAD_USER_INPUT");
        sseError("subscription { pipelineStatusChanged(", Map.of(), "GRAPHQL_PARSE_FAILED");
    }

    @Test
    void aServerSentEventsStreamOpensBeforeItsFirstEvent() {
        // Nothing happens in acme/api until a test moves the clock, and the keep-alive is 15 s away.
        ServerSentEvent<String> first = WebClient.create(url()).post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("query", STATUS))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .next()
                .block(Duration.ofSeconds(5));

        assertThat(first).as("what opens the stream").isNotNull();
        assertThat(first.event()).as("a comment, not an event").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1, 2]", "{\"type\": \"bogus\"}", "{\"id\": 1, \"type\": \"complete\"}",
            "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": \"query\"}",
            "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": null}",
            "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"variables\": {}}}",
            "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"{ __typename }\", "
                    + "\"variables\": \"x\"}}",
            "{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"{ __typename }\", "
                    + "\"extensions\": {\"persistedQuery\": 5}}}"})
    void overAWebSocketAFrameThatIsNotAMessageClosesTheSocketWith4400(String frame) {
        Exchange exchange = webSocket(List.of("{\"type\": \"connection_init\"}", frame), 1);

        assertThat(exchange.closeStatus()).isNotNull()
                .satisfies(status -> assertThat(status.getCode()).isEqualTo(4400));
    }

    @Test
    void overAWebSocketASubscribeThatCannotRunIsAnsweredWithAnErrorMessage() {
        Exchange exchange = webSocket(List.of("{\"type\": \"connection_init\"}", """
                {"id": "1", "type": "subscribe", "payload": {"query": "subscription { nope }"}}"""), 2);

        assertThat(exchange.received()).hasSize(2);
        JsonNode answer = JSON.readTree(exchange.received().get(1));
        assertThat(answer.path("type").asString()).isEqualTo("error");
        assertThat(answer.path("id").asString()).isEqualTo("1");
        assertThat(answer.path("payload")).singleElement().satisfies(error -> {
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
            assertThat(error.path("extensions").path("requestId").asString()).isNotBlank();
        });
    }

    /** The one {@code next} event's only error, once it is shown to have {@code code} and the request's id. */
    private JsonNode sseError(String document, Map<String, Object> variables, String code) {
        String requestId = "sse-" + UUID.randomUUID();
        List<ServerSentEvent<String>> events = WebClient.create(url()).post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header("X-Request-Id", requestId)
                .bodyValue(Map.of("query", document, "variables", variables))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .filter(event -> event.event() != null)
                .collectList()
                .block(WAIT);

        assertThat(events).extracting(ServerSentEvent::event).containsExactly("next", "complete");
        JsonNode errors = JSON.readTree(events.get(0).data()).path("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.path("extensions").path("code").asString()).isEqualTo(code);
            assertThat(error.path("extensions").path("requestId").asString()).isEqualTo(requestId);
            assertThat(error.path("message").asString()).doesNotContain("SSE handler supports only subscriptions");
        });
        return errors.get(0);
    }

    /** What a graphql-transport-ws client that sent {@code frames} received, up to {@code expected} messages. */
    private Exchange webSocket(List<String> frames, int expected) {
        List<String> received = new CopyOnWriteArrayList<>();
        CloseStatus[] closed = new CloseStatus[1];
        WebSocketHandler client = new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return List.of("graphql-transport-ws");
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                return session.send(Flux.fromIterable(frames).map(session::textMessage))
                        .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText)
                                .doOnNext(received::add)
                                .take(expected + 1)
                                .timeout(Duration.ofSeconds(5), Flux.empty()))
                        .then(session.closeStatus().timeout(Duration.ofSeconds(2), Mono.empty()))
                        .doOnNext(status -> closed[0] = status)
                        .then(session.close());
            }
        };
        new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + port + "/graphql"), client)
                .block(WAIT);
        return new Exchange(List.copyOf(received), closed[0]);
    }

    private record Exchange(List<String> received, CloseStatus closeStatus) {
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
