package io.pipelinesgateway.subscription;

import java.util.Map;

import io.pipelinesgateway.bitbucket.Credential;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Lets WebSocket clients pass their Bitbucket credential in the {@code connection_init} payload
 * ({@code {"Authorization": "Bearer ..."}}, or nested in {@code "headers"}), since browsers cannot set headers on a
 * WebSocket handshake. It is kept in the session's memory only and put into each operation's Reactor context, where
 * the handshake's own {@code Authorization} header, when there is one, takes precedence.
 */
@Component
public class WebSocketCredentialInterceptor implements WebSocketGraphQlInterceptor {

    private static final String ATTRIBUTE = WebSocketCredentialInterceptor.class.getName() + ".authorization";

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object authorization = authorization(payload);
        if (authorization == null && payload.get("headers") instanceof Map<?, ?> headers) {
            // Apollo-style clients nest it: {"headers": {"Authorization": "..."}}.
            authorization = authorization(headers);
        }
        if (authorization instanceof String value && !value.isBlank()) {
            session.getAttributes().put(ATTRIBUTE, value);
        }
        return Mono.empty();
    }

    private static Object authorization(Map<?, ?> values) {
        Object authorization = values.get(HttpHeaders.AUTHORIZATION);
        return authorization != null ? authorization : values.get("authorization");
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String authorization = request instanceof WebSocketGraphQlRequest webSocket
                && request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null
                ? initPayloadCredential(webSocket) : null;
        if (authorization != null) {
            return chain.next(request).contextWrite(context -> context.put(Credential.CONTEXT_KEY, authorization));
        }
        return chain.next(request);
    }

    /**
     * The credential the client gave in its {@code connection_init} payload, or null: for what tells clients apart by
     * what they authenticate with (the rate limit) as well as for upstream calls.
     */
    public static String initPayloadCredential(WebSocketGraphQlRequest request) {
        return request.getSessionInfo().getAttributes().get(ATTRIBUTE) instanceof String authorization
                ? authorization : null;
    }
}
