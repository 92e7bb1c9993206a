package io.pipelinesgateway.security;

import java.util.Map;

import io.pipelinesgateway.bitbucket.Credential;
import io.pipelinesgateway.error.GatewayException;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who sent a GraphQL request, over HTTP, SSE and WebSocket alike, and puts that
 * {@link Caller} into the request's GraphQL context (for {@link OperationAccess}) and Reactor context (for
 * {@link UpstreamCredentials}).
 * <p>
 * In pass-through mode the caller is its {@code Authorization} header. In service mode it is whom Spring Security
 * authenticated (an API key or a JWT). Browsers cannot set headers on a WebSocket handshake, so WebSocket clients may
 * send the same values in the {@code connection_init} payload instead ({@code {"Authorization": "..."}} or
 * {@code {"X-API-Key": "..."}}, also nested in {@code "headers"} as Apollo-style clients do); they are kept in the
 * session's memory only, and the handshake's own headers take precedence.
 */
@Component
public class CallerInterceptor implements WebSocketGraphQlInterceptor {

    /** The header (and {@code connection_init} entry) service-mode callers send their API key in. */
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String SESSION_CALLER = CallerInterceptor.class.getName() + ".caller";
    private static final String SESSION_AUTHORIZATION = CallerInterceptor.class.getName() + ".authorization";

    private final InboundSecurityProperties properties;
    private final ServiceCallers serviceCallers;

    CallerInterceptor(InboundSecurityProperties properties, ServiceCallers serviceCallers) {
        this.properties = properties;
        this.serviceCallers = serviceCallers;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Map<?, ?> values = payload.get("headers") instanceof Map<?, ?> headers
                && header(payload, API_KEY_HEADER) == null && header(payload, HttpHeaders.AUTHORIZATION) == null
                ? headers : payload;
        String apiKey = header(values, API_KEY_HEADER);
        String authorization = header(values, HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            session.getAttributes().put(SESSION_AUTHORIZATION, authorization);
        }
        Mono<Caller> caller;
        if (properties.mode() == InboundSecurityProperties.Mode.PASS_THROUGH) {
            caller = authorization == null ? Mono.empty() : Mono.just(bitbucketCaller(authorization));
        }
        else if (apiKey != null) {
            caller = serviceCallers.apiKey(apiKey).cast(Caller.class);
        }
        else if (authorization != null) {
            caller = serviceCallers.bearer(authorization).cast(Caller.class);
        }
        else {
            caller = Mono.empty();
        }
        // A credential the gateway does not accept fails the initialisation: the socket closes with 4401.
        return caller.doOnNext(decided -> session.getAttributes().put(SESSION_CALLER, decided)).then(Mono.empty());
    }

    /**
     * The {@code Authorization} value a WebSocket client gave in its {@code connection_init} payload, or null: what
     * tells pass-through clients apart ({@link ClientIdentity}) when the handshake carried none.
     */
    static String initPayloadAuthorization(WebSocketGraphQlRequest request) {
        return request.getSessionInfo().getAttributes().get(SESSION_AUTHORIZATION) instanceof String authorization
                ? authorization : null;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return caller(request).defaultIfEmpty(Caller.Anonymous.INSTANCE).flatMap(caller -> {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(Caller.CONTEXT_KEY, caller)).build());
            return chain.next(request).contextWrite(context -> context.put(Caller.CONTEXT_KEY, caller));
        });
    }

    /** The request's caller as decided here; empty for an anonymous one. */
    Mono<Caller> caller(WebGraphQlRequest request) {
        Caller fromInit = request instanceof WebSocketGraphQlRequest webSocket
                && webSocket.getSessionInfo().getAttributes().get(SESSION_CALLER) instanceof Caller caller
                ? caller : null;
        if (properties.mode() == InboundSecurityProperties.Mode.PASS_THROUGH) {
            String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            return Mono.justOrEmpty(authorization == null ? fromInit : bitbucketCaller(authorization));
        }
        Mono<Authentication> authenticated = ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication);
        if (request instanceof WebSocketGraphQlRequest webSocket) {
            // The handshake's authentication, when its Reactor context did not reach the session's messages.
            authenticated = authenticated.switchIfEmpty(webSocket.getSessionInfo().getPrincipal()
                    .ofType(Authentication.class));
        }
        return authenticated.ofType(CallerAuthentication.class).<Caller>map(CallerAuthentication::caller)
                .switchIfEmpty(Mono.justOrEmpty(fromInit));
    }

    private static Caller bitbucketCaller(String authorization) {
        try {
            return new Caller.Bitbucket(Credential.fromAuthorizationHeader(authorization));
        }
        catch (GatewayException malformed) {
            return new Caller.Malformed(malformed.getMessage());
        }
    }

    private static String header(Map<?, ?> values, String name) {
        for (Map.Entry<?, ?> entry : values.entrySet()) {
            if (entry.getKey() instanceof String key && key.equalsIgnoreCase(name)
                    && entry.getValue() instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
