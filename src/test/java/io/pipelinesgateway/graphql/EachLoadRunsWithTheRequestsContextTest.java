package io.pipelinesgateway.graphql;

import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.GraphQLContext;
import io.pipelinesgateway.logging.RequestId;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Loaders} gives each load the request's Reactor context, as Spring for GraphQL copied it into the GraphQL
 * context (the caller, the request's id and budget), without restoring any of it as thread locals around the load:
 * no load reads one, and restoring them on each key of a warm view cost a sixth of a small query's CPU. Within a
 * request a key is loaded once, and each key succeeds or fails on its own.
 */
class EachLoadRunsWithTheRequestsContextTest {

    private final Loaders loaders = new Loaders();
    private final AtomicInteger loads = new AtomicInteger();

    EachLoadRunsWithTheRequestsContextTest() {
        loaders.register(String.class, String.class, key -> Mono.deferContextual(context -> {
            loads.incrementAndGet();
            return key.equals("missing") ? Mono.error(new IllegalStateException("no such key"))
                    : Mono.just(key + " for " + context.get("caller") + ", MDC " + MDC.get(RequestId.MDC_KEY));
        }));
    }

    @Test
    void aLoadReadsTheRequestsContextFromTheReactorContextAndFindsNoneOfItInThreadLocals() {
        DataLoader<String, String> loader = loaderOf(GraphQLContext.newContext()
                .of("caller", "alice").of(RequestId.MDC_KEY, "request-1").build());

        assertThat(loader.load("pipeline").join()).isEqualTo("pipeline for alice, MDC null");
    }

    @Test
    void aKeyAskedTwiceIsLoadedOnceAndAFailingKeyFailsAlone() {
        DataLoader<String, String> loader = loaderOf(GraphQLContext.newContext().of("caller", "bob").build());

        assertThat(loader.load("pipeline").join()).startsWith("pipeline for bob");
        assertThat(loader.load("pipeline").join()).startsWith("pipeline for bob");
        assertThatThrownBy(() -> loader.load("missing").join()).isInstanceOf(CompletionException.class)
                .hasRootCauseMessage("no such key");
        assertThat(loader.load("step").join()).startsWith("step for bob");
        assertThat(loads).hasValue(3);
    }

    private DataLoader<String, String> loaderOf(GraphQLContext request) {
        DataLoaderRegistry registry = DataLoaderRegistry.newRegistry().build();
        loaders.registerDataLoaders(registry, request);
        return registry.getDataLoader(String.class.getName());
    }
}
