package io.pipelinesgateway.graphql;

import java.util.List;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Over a WebSocket, answers a {@code subscribe} that could not run (a syntax or validation error, a refusal by the
 * rate limit or a query limit: errors and no {@code data}) with graphql-transport-ws's {@code error} message, as the
 * protocol asks, rather than {@code next} and {@code complete}: Spring for GraphQL sends {@code error} for the errors of
 * a stream that fails, so the errors, codes and request id included, become that.
 */
@Component
class WebSocketRequestErrors implements WebGraphQlInterceptor, Ordered {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest)) {
            return chain.next(request);
        }
        return chain.next(request).map(response -> response.getExecutionResult().isDataPresent()
                || response.getErrors().isEmpty() ? response : asStreamError(response));
    }

    private static WebGraphQlResponse asStreamError(WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        ExecutionResult failed = ExecutionResult.newExecutionResult()
                .data(Flux.error(new SubscriptionPublisherException(errors, null)))
                .build();
        WebGraphQlResponse answer = new WebGraphQlResponse(
                new DefaultExecutionGraphQlResponse(response.getExecutionInput(), failed));
        answer.getResponseHeaders().putAll(response.getResponseHeaders());
        return answer;
    }

    /** Outermost, so the errors it moves already carry their codes and the request id. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
