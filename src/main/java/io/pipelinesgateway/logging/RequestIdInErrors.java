package io.pipelinesgateway.logging;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import io.pipelinesgateway.error.ErrorExtensions;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Adds the {@link RequestId} to every GraphQL error as {@code extensions.requestId}, whichever part of the gateway
 * raised it and whenever (a subscription's come with its events, or end it), so a caller can quote it and an operator
 * can find the request's log lines. It also puts the id into each operation's Reactor context: a WebSocket's
 * operations run outside the handshake's filter chain, and take the handshake's id from its header.
 */
@Component
class RequestIdInErrors implements WebGraphQlInterceptor, Ordered {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String id = request.getHeaders().getFirst(RequestId.HEADER);
        if (id == null) {
            return chain.next(request);
        }
        return chain.next(request)
                .map(response -> ErrorExtensions.completed(response, error -> withRequestId(error, id)))
                .contextWrite(context -> context.put(RequestId.MDC_KEY, id));
    }

    private static GraphQLError withRequestId(GraphQLError error, String id) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put(RequestId.MDC_KEY, id);
        return ErrorExtensions.replaced(error, extensions);
    }

    /**
     * Outermost but for the one that turns a WebSocket's refused request into its stream's error (which moves the
     * errors this completes), so the id is in the context of everything else and on every error the others produce.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
