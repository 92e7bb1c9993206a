package io.pipelinesgateway.security;

import java.net.InetSocketAddress;

import io.pipelinesgateway.cache.KeyedHash;
import io.pipelinesgateway.cache.ResponseCacheProperties;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Who a request's client is, for what the gateway counts per client (the rate limit, the service-mode budget of
 * upstream calls): only something the client cannot make up afresh for each request. In pass-through mode that is
 * its {@code Authorization} (the Bitbucket credential it spends; an {@code X-API-Key} names no one there); in
 * service mode the caller the gateway verified (an API key's configured name, or a JWT's subject). Without either it
 * is the address (the proxy's, unless {@code server.forward-headers-strategy} lets the gateway trust
 * {@code X-Forwarded-For}). Only a keyed hash of a credential or an address is kept, never the value.
 */
@Component
public class ClientIdentity {

    private final InboundSecurityProperties properties;
    private final CallerInterceptor callers;
    private final KeyedHash hash;

    ClientIdentity(InboundSecurityProperties properties, CallerInterceptor callers, ResponseCacheProperties cache) {
        this.properties = properties;
        this.callers = callers;
        this.hash = new KeyedHash(cache.keySecret());
    }

    /** The name of the request's client: which kind of identity it is, and a keyed hash of it. */
    public Mono<String> of(WebGraphQlRequest request) {
        if (properties.mode() == InboundSecurityProperties.Mode.SERVICE) {
            return callers.caller(request).ofType(Caller.Service.class).map(this::of)
                    .switchIfEmpty(Mono.fromSupplier(() -> address(request)));
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null && request instanceof WebSocketGraphQlRequest webSocket) {
            authorization = CallerInterceptor.initPayloadAuthorization(webSocket);
        }
        return Mono.just(authorization != null ? "auth:" + hash.of(authorization.trim()) : address(request));
    }

    /** The name of a verified service-mode caller. */
    public String of(Caller.Service caller) {
        return "caller:" + hash.of(caller.source() + ":" + caller.name());
    }

    /**
     * How a verified caller may be shown in metrics: an API key by its configured name (an operator's label, never
     * the key), a JWT's subject only by a keyed hash of it, since a subject can be a person's name or address.
     */
    public String tag(Caller.Service caller) {
        return caller.source() == Caller.Source.API_KEY ? caller.name() : "jwt-" + hash.of(caller.name());
    }

    private String address(WebGraphQlRequest request) {
        InetSocketAddress address = request.getRemoteAddress();
        String host = address == null ? "unknown"
                : address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return "addr:" + hash.of(host);
    }
}
