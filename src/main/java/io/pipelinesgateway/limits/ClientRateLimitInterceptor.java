package io.pipelinesgateway.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.graphql.QueryRejection;
import io.pipelinesgateway.security.ClientIdentity;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Holds each client to {@code gateway.rate-limit.*}: every operation, whether a query or mutation over HTTP, a
 * subscription over Server-Sent Events or each {@code subscribe} over a WebSocket, takes one from its client's
 * allowance before anything of it runs. A refused operation is answered RATE_LIMITED with {@code retryAfter} (and an
 * HTTP {@code Retry-After}), and makes no upstream call.
 * <p>
 * A client is what {@link ClientIdentity} says: what it authenticates with and cannot make up afresh per request
 * (pass-through: its {@code Authorization}, on a WebSocket the handshake's or the {@code connection_init} payload's;
 * service mode: the verified API key or JWT subject), else its address. Only a keyed hash of it is kept, in memory or
 * Redis, never the value.
 */
@Component
// First of the interceptors but those that shape every answer (request id, codes, access log): a refused operation
// costs the gateway as little as possible.
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class ClientRateLimitInterceptor implements WebGraphQlInterceptor {

    private final ClientRateLimitProperties properties;
    private final ClientRateLimiter limiter;
    private final ClientIdentity clients;
    private final Counter rejections;

    ClientRateLimitInterceptor(ClientRateLimitProperties properties, ClientRateLimiter limiter, ClientIdentity clients,
            MeterRegistry meterRegistry) {
        this.properties = properties;
        this.limiter = limiter;
        this.clients = clients;
        this.rejections = Counter.builder("gateway.rate-limit.rejections")
                .description("GraphQL operations refused because their client was over gateway.rate-limit")
                .register(meterRegistry);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!properties.enabled()) {
            return chain.next(request);
        }
        return clients.of(request).flatMap(limiter::acquire).flatMap(wait -> wait.isZero() || wait.isNegative()
                ? chain.next(request)
                : Mono.just(refusal(request, wait)));
    }

    private WebGraphQlResponse refusal(WebGraphQlRequest request, Duration wait) {
        rejections.increment();
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        List<GraphQLError> errors = QueryRejection.of(ErrorCode.RATE_LIMITED.name(), String.format(
                "This client is over the gateway's limit of %,d operations a minute (at most %,d at once); retry "
                        + "after %d s. The limit is this gateway's, per client, not Bitbucket's.",
                properties.requestsPerMinute(), properties.burst(), seconds),
                Map.of("retryAfter", seconds, "limit", properties.requestsPerMinute())).getUnderlyingErrors();
        // Over SSE it is the stream's one event, over a WebSocket its error (graphql/WebSocketRequestErrors).
        ExecutionResult result = ExecutionResult.newExecutionResult().errors(errors).build();
        WebGraphQlResponse response = new WebGraphQlResponse(
                new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
        response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return response;
    }
}
