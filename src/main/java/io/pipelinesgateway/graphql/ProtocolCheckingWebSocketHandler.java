package io.pipelinesgateway.graphql;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.pipelinesgateway.persistedquery.PersistedQueryExtension;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

/**
 * Spring for GraphQL's graphql-transport-ws handler, with the protocol's answer to a message it cannot read: a frame
 * that is not a JSON object, whose {@code type} the protocol does not define, or a {@code subscribe} whose payload is
 * not a GraphQL request (no query, variables that are not an object, a persisted query extension of another shape)
 * closes the socket with 4400 ("Invalid message"), as graphql-transport-ws asks, instead of failing the session
 * (1005) and logging it.
 */
class ProtocolCheckingWebSocketHandler extends GraphQlWebSocketHandler {

    static final CloseStatus INVALID_MESSAGE = new CloseStatus(4400, "Invalid message");

    private static final Set<String> TYPES = Set.of("connection_init", "connection_ack", "ping", "pong", "subscribe",
            "next", "error", "complete");

    private final JsonMapper json;

    ProtocolCheckingWebSocketHandler(WebGraphQlHandler handler, ServerCodecConfigurer codecs,
            Duration initTimeout, Duration keepAlive, JsonMapper json) {
        super(handler, codecs, initTimeout, keepAlive);
        this.json = json;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return super.handle(new CheckedSession(session, this::readable));
    }

    /** Whether a frame is a message of the protocol: a JSON object with a known type and well-typed members. */
    private boolean readable(WebSocketMessage message) {
        JsonNode node;
        try {
            node = json.readTree(message.getPayloadAsText());
        }
        catch (JacksonException invalid) {
            return false;
        }
        if (node == null || !node.isObject() || !node.path("type").isString()
                || !TYPES.contains(node.path("type").asString())) {
            return false;
        }
        JsonNode id = node.get("id");
        JsonNode payload = node.get("payload");
        if (!(id == null || id.isNull() || id.isString()) || !(payload == null || payload.isNull()
                || payload.isObject())) {
            return false;
        }
        return !"subscribe".equals(node.path("type").asString()) || isGraphQlRequest(payload);
    }

    /**
     * Whether a {@code subscribe} message's payload is a GraphQL request: an object with a {@code query} (or a
     * persisted query's hash in {@code extensions}), and {@code operationName}, {@code variables} and
     * {@code extensions} of their types, as over HTTP.
     */
    private boolean isGraphQlRequest(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return false;
        }
        JsonNode query = payload.path("query");
        JsonNode operationName = payload.path("operationName");
        JsonNode variables = payload.path("variables");
        JsonNode extensions = payload.path("extensions");
        if (!(extensions.isMissingNode() || extensions.isNull() || extensions.isObject())
                || !(variables.isMissingNode() || variables.isNull() || variables.isObject())
                || !(operationName.isMissingNode() || operationName.isNull() || operationName.isString())) {
            return false;
        }
        Map<String, Object> extensionMap = extensions.isObject()
                ? json.convertValue(extensions, GraphQlOverHttp.JSON_OBJECT) : Map.of();
        if (PersistedQueryExtension.problem(extensionMap) != null) {
            return false;
        }
        return query.isString()
                || (query.isMissingNode() || query.isNull()) && extensionMap.containsKey("persistedQuery");
    }

    /** A session whose received frames stop at the first unreadable one, which closes it with 4400. */
    private record CheckedSession(WebSocketSession delegate, Function<WebSocketMessage, Boolean> readable)
            implements WebSocketSession {

        @Override
        public Flux<WebSocketMessage> receive() {
            return delegate.receive().concatMap(message -> readable.apply(message) ? Mono.just(message)
                    : delegate.close(INVALID_MESSAGE).then(Mono.<WebSocketMessage>empty()))
                    .takeWhile(message -> delegate.isOpen());
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public HandshakeInfo getHandshakeInfo() {
            return delegate.getHandshakeInfo();
        }

        @Override
        public DataBufferFactory bufferFactory() {
            return delegate.bufferFactory();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return delegate.getAttributes();
        }

        @Override
        public Mono<Void> send(Publisher<WebSocketMessage> messages) {
            return delegate.send(messages);
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public Mono<Void> close(CloseStatus status) {
            return delegate.close(status);
        }

        @Override
        public Mono<CloseStatus> closeStatus() {
            return delegate.closeStatus();
        }

        @Override
        public WebSocketMessage textMessage(String payload) {
            return delegate.textMessage(payload);
        }

        @Override
        public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.binaryMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.pingMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.pongMessage(payloadFactory);
        }
    }
}
