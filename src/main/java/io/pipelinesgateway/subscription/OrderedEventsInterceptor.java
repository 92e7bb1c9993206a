package io.pipelinesgateway.subscription;

import graphql.execution.SubscriptionExecutionStrategy;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Keeps a subscription's events in the order they happened. graphql-java resolves each event's fields on its own,
 * and by default sends whichever finishes first, so an event whose fields need an upstream read (a pipeline's steps)
 * could overtake an earlier one: PENDING arriving after RUNNING. Asking it to keep them ordered costs nothing when
 * the fields are at hand, and is what a client watching a build expects.
 */
@Component
class OrderedEventsInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(context -> context.put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED,
                        true))
                .build());
        return chain.next(request);
    }
}
