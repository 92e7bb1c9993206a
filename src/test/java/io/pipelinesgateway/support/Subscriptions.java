package io.pipelinesgateway.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * Subscribes to the gateway the way clients do: over a real WebSocket (graphql-transport-ws, with Spring's
 * {@link WebSocketGraphQlTester} on Reactor Netty) or over a real Server-Sent Events response ({@code POST /graphql}
 * with {@code Accept: text/event-stream}). Either way a subscription is a Flux of the subscription field's values, as
 * JSON, that fails with {@link Failure} when the gateway ends it with errors.
 */
public enum Subscriptions {

    WEB_SOCKET {
        @Override
        public Flux<JsonNode> subscribe(String gatewayUrl, String authorization, String document,
                Map<String, Object> variables, String field) {
            return webSocket(gatewayUrl, authorization, document, variables, field);
        }
    },

    SERVER_SENT_EVENTS {
        @Override
        public Flux<JsonNode> subscribe(String gatewayUrl, String authorization, String document,
                Map<String, Object> variables, String field) {
            WebClient client = WebClient.create(gatewayUrl);
            return client.post().uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(headers -> {
                        if (authorization != null) {
                            headers.set(HttpHeaders.AUTHORIZATION, authorization);
                        }
                    })
                    .bodyValue(Map.of("query", document, "variables", variables))
                    .retrieve()
                    .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                    })
                    .takeWhile(event -> !"complete".equals(event.event()))
                    .filter(event -> "next".equals(event.event()) && event.data() != null)
                    .concatMap(event -> {
                        JsonNode result = JSON.readTree(event.data());
                        if (result.has("errors") && !result.path("errors").isEmpty()) {
                            return Mono.error(Failure.of(result.path("errors")));
                        }
                        return Mono.just(result.path("data").path(field));
                    });
        }
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Subscribes with {@code document}, whose subscription field is {@code field}; {@code authorization} may be null
     * (the sandbox's built-in user).
     */
    public Flux<JsonNode> subscribe(String gatewayUrl, String authorization, String document, String field) {
        return subscribe(gatewayUrl, authorization, document, Map.of(), field);
    }

    /**
     * Follows {@code workspace/repository}'s pipeline statuses ({@code pipelineStatusChanged}: each event's
     * {@code status} and {@code pipeline.uuid}), as {@code authorization} (null: the sandbox's built-in user).
     */
    public Flux<JsonNode> pipelineStatuses(String gatewayUrl, String authorization, String workspace,
            String repository) {
        return subscribe(gatewayUrl, authorization, """
                subscription Followed($workspace: String!, $repository: String!) {
                  pipelineStatusChanged(workspace: $workspace, repository: $repository) {
                    status pipeline { uuid } } }""", Map.of("workspace", workspace, "repository", repository),
                "pipelineStatusChanged");
    }

    /** Subscribes as {@link #subscribe(String, String, String, String)} does, with the document's variables. */
    public abstract Flux<JsonNode> subscribe(String gatewayUrl, String authorization, String document,
            Map<String, Object> variables, String field);

    /** Over a WebSocket, with the credential in the {@code connection_init} payload instead of the handshake. */
    public static Flux<JsonNode> webSocketWithInitPayload(String gatewayUrl, String authorization, String document,
            String field) {
        return webSocketWithInitPayload(gatewayUrl, Map.of("Authorization", authorization), document, field);
    }

    /** Over a WebSocket, with {@code payload} (such as {@code {"X-API-Key": ...}}) as the connection_init payload. */
    public static Flux<JsonNode> webSocketWithInitPayload(String gatewayUrl, Map<String, Object> payload,
            String document, String field) {
        WebSocketGraphQlTester.Builder<?> builder = webSocketTester(gatewayUrl);
        builder.interceptor(new WebSocketGraphQlClientInterceptor() {
            @Override
            public Mono<Object> connectionInitPayload() {
                return Mono.just(payload);
            }
        });
        return subscribe(builder.build(), document, Map.of(), field);
    }

    /**
     * One WebSocket connection with {@code authorization} in its handshake (null for none), over which any number of
     * subscriptions run ({@link #subscribeOver}), as a client's pages share one; it opens with the first of them.
     * The caller stops it.
     */
    public static WebSocketGraphQlTester webSocketConnection(String gatewayUrl, String authorization) {
        WebSocketGraphQlTester.Builder<?> builder = webSocketTester(gatewayUrl);
        if (authorization != null) {
            builder.headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, authorization));
        }
        return builder.build();
    }

    /** A subscription over {@code connection} (of {@link #webSocketConnection}), which it leaves open for others. */
    public static Flux<JsonNode> subscribeOver(WebSocketGraphQlTester connection, String document, String field) {
        return subscribeOver(connection, document, Map.of(), field);
    }

    private static Flux<JsonNode> subscribeOver(WebSocketGraphQlTester connection, String document,
            Map<String, Object> variables, String field) {
        return connection.document(document).variables(variables).executeSubscription().toFlux()
                .map(response -> (JsonNode) JSON.valueToTree(response.path(field).entity(Object.class).get()))
                .onErrorMap(SubscriptionErrorException.class, error -> Failure.of(error.getErrors()));
    }

    private static Flux<JsonNode> webSocket(String gatewayUrl, String authorization, String document,
            Map<String, Object> variables, String field) {
        return subscribe(webSocketConnection(gatewayUrl, authorization), document, variables, field);
    }

    private static WebSocketGraphQlTester.Builder<?> webSocketTester(String gatewayUrl) {
        URI uri = URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/graphql");
        return WebSocketGraphQlTester.builder(uri, new ReactorNettyWebSocketClient());
    }

    private static Flux<JsonNode> subscribe(WebSocketGraphQlTester tester, String document,
            Map<String, Object> variables, String field) {
        return subscribeOver(tester, document, variables, field).doFinally(signal -> tester.stop().subscribe());
    }

    /** The gateway ended a subscription with errors: their codes and messages. */
    public static final class Failure extends RuntimeException {

        private final List<String> codes;

        private Failure(List<String> codes, String messages) {
            super(messages);
            this.codes = List.copyOf(codes);
        }

        static Failure of(JsonNode errors) {
            List<String> codes = new ArrayList<>();
            StringBuilder messages = new StringBuilder();
            errors.forEach(error -> {
                codes.add(error.path("extensions").path("code").asString(""));
                messages.append(error.path("message").asString()).append('\n');
            });
            return new Failure(codes, messages.toString());
        }

        static Failure of(List<ResponseError> errors) {
            List<String> codes = new ArrayList<>();
            StringBuilder messages = new StringBuilder();
            errors.forEach(error -> {
                codes.add(String.valueOf(error.getExtensions().get("code")));
                messages.append(error.getMessage()).append('\n');
            });
            return new Failure(codes, messages.toString());
        }

        /** The {@code extensions.code} of each error. */
        public List<String> codes() {
            return codes;
        }
    }
}
