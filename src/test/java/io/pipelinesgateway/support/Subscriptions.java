package io.pipelinesgateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
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
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * Subscribes to the gateway the way clients do: over a real WebSocket (graphql-transport-ws, with Spring's
 * {@link WebSocketGraphQlTester} on Reactor Netty) or over a real Server-Sent Events response ({@code POST /graphql}
 * with {@code Accept: text/event-stream}). Either way a subscription is a Flux of the subscription field's values, as
 * JSON, that fails with {@link Failure} when the gateway ends it with errors or sends an event that has some.
 */
public enum Subscriptions {

    WEB_SOCKET {
        @Override
        public Flux<JsonNode> subscribe(String gatewayUrl, HttpHeaders headers, String document,
                Map<String, Object> variables, String field) {
            return webSocket(webSocketTester(gatewayUrl).headers(handshake -> handshake.addAll(headers)).build(),
                    document, variables, field);
        }

        @Override
        public void subscribeAndLeave(String gatewayUrl, String authorization, String document, Runnable stay) {
            HttpHeaders handshake = new HttpHeaders();
            handshake.set(HttpHeaders.AUTHORIZATION, authorization);
            WebSocketHandler client = new WebSocketHandler() {
                @Override
                public List<String> getSubProtocols() {
                    return List.of("graphql-transport-ws");
                }

                @Override
                public Mono<Void> handle(WebSocketSession session) {
                    String subscribe = JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe",
                            "payload", Map.of("query", document)));
                    return session.send(Flux.just(session.textMessage("{\"type\": \"connection_init\"}"),
                                    session.textMessage(subscribe)))
                            .then(Mono.fromRunnable(stay).subscribeOn(Schedulers.boundedElastic()))
                            .then(session.close());
                }
            };
            new ReactorNettyWebSocketClient().execute(webSocketUri(gatewayUrl), handshake, client)
                    .block(Duration.ofSeconds(10));
        }
    },

    SERVER_SENT_EVENTS {
        @Override
        public Flux<JsonNode> subscribe(String gatewayUrl, HttpHeaders headers, String document,
                Map<String, Object> variables, String field) {
            WebClient client = WebClient.create(gatewayUrl);
            return client.post().uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(request -> request.addAll(headers))
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

        @Override
        public void subscribeAndLeave(String gatewayUrl, String authorization, String document, Runnable stay) {
            URI uri = URI.create(gatewayUrl);
            byte[] body = JSON.writeValueAsBytes(Map.of("query", document));
            String head = "POST /graphql HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n"
                    + "Content-Type: application/json\r\nAccept: text/event-stream\r\n"
                    + "Authorization: " + authorization + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                stay.run();
            }
            catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
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
    public Flux<JsonNode> subscribe(String gatewayUrl, String authorization, String document,
            Map<String, Object> variables, String field) {
        HttpHeaders headers = new HttpHeaders();
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return subscribe(gatewayUrl, headers, document, variables, field);
    }

    /**
     * Subscribes with {@code headers} on the request (over a WebSocket, on its handshake), such as
     * {@code Authorization} and {@code X-Request-Id}.
     */
    public abstract Flux<JsonNode> subscribe(String gatewayUrl, HttpHeaders headers, String document,
            Map<String, Object> variables, String field);

    /**
     * Sends the subscription {@code document} as {@code authorization} and leaves at once, before any answer: over a
     * WebSocket, closes the socket right after its {@code subscribe} message; over Server-Sent Events, closes the
     * connection right after the request, before the gateway writes the answer's body.
     */
    public void subscribeAndLeave(String gatewayUrl, String authorization, String document) {
        subscribeAndLeave(gatewayUrl, authorization, document, () -> { });
    }

    /**
     * As {@link #subscribeAndLeave(String, String, String)}, but leaves only once {@code stay} returns (such as a wait
     * until the subscription runs): by closing the socket or the connection, without ending the subscription first.
     */
    public abstract void subscribeAndLeave(String gatewayUrl, String authorization, String document, Runnable stay);

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
        return webSocket(builder.build(), document, Map.of(), field);
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
                .concatMap(response -> {
                    List<ResponseError> errors = new ArrayList<>();
                    response.errors().satisfy(errors::addAll);
                    return errors.isEmpty()
                            ? Mono.just((JsonNode) JSON.valueToTree(response.path(field).entity(Object.class).get()))
                            : Mono.error(Failure.of(errors));
                })
                .onErrorMap(SubscriptionErrorException.class, error -> Failure.of(error.getErrors()));
    }

    private static WebSocketGraphQlTester.Builder<?> webSocketTester(String gatewayUrl) {
        return WebSocketGraphQlTester.builder(webSocketUri(gatewayUrl), new ReactorNettyWebSocketClient());
    }

    private static URI webSocketUri(String gatewayUrl) {
        return URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/graphql");
    }

    private static Flux<JsonNode> webSocket(WebSocketGraphQlTester tester, String document,
            Map<String, Object> variables, String field) {
        return subscribeOver(tester, document, variables, field).doFinally(signal -> tester.stop().subscribe());
    }

    /** The gateway ended a subscription with errors, or sent an event with some: each of them whole, as JSON. */
    public static final class Failure extends RuntimeException {

        private final List<JsonNode> errors;

        private Failure(List<JsonNode> errors) {
            super(errors.stream().map(error -> error.path("message").asString()).collect(Collectors.joining("\n")));
            this.errors = List.copyOf(errors);
        }

        static Failure of(JsonNode errors) {
            return new Failure(errors.valueStream().toList());
        }

        static Failure of(List<ResponseError> errors) {
            return new Failure(errors.stream().map(error -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("message", error.getMessage());
                json.put("path", error.getParsedPath());
                json.put("extensions", error.getExtensions());
                return (JsonNode) JSON.valueToTree(json);
            }).toList());
        }

        /** The errors: their {@code message}, {@code path} and {@code extensions}. */
        public List<JsonNode> errors() {
            return errors;
        }

        /** The {@code extensions.code} of each error. */
        public List<String> codes() {
            return errors.stream().map(error -> error.path("extensions").path("code").asString("")).toList();
        }
    }
}
