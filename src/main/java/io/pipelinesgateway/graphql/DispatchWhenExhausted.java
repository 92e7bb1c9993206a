package io.pipelinesgateway.graphql;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Has graphql-java dispatch the DataLoaders whenever the execution has nothing else to do, rather than level by
 * level: a load made just after its level was dispatched (the answers of a level arrive on several threads) would
 * otherwise wait for the next level's answers, a whole round trip to Bitbucket, before going out. The keys of one
 * dispatch still form one batch, so each distinct resource is read once.
 */
@Component
class DispatchWhenExhausted implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(context -> context.put(
                        DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_EXHAUSTED_DISPATCHING, true))
                .build());
        return chain.next(request);
    }
}
