package io.pipelinesgateway.graphql;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.stats.NoOpStatisticsCollector;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.graphql.execution.DataLoaderRegistrar;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

/**
 * Registers the per-request DataLoaders of resources Bitbucket serves one at a time: identical keys within a
 * request are loaded once, and each key is loaded as soon as a field asks for it, not batched with its siblings. A
 * batch would gain nothing here (Bitbucket has no call for several keys), and would cost a level of the query a
 * round trip: a batch is sent only when graphql-java dispatches, which waits for the batch before it, and it answers
 * only once its slowest key is in. The calls to Bitbucket are bounded where they are sent
 * ({@code gateway.bitbucket.max-in-flight} and {@code max-in-flight-per-caller}), so a level still goes out at once.
 * Each key succeeds or fails on its own, so one missing pipeline does not fail its siblings.
 * <p>
 * A loader is named by its value type, as Spring's {@code BatchLoaderRegistry#forTypePair} names it: a controller
 * receives it as a {@code DataLoader<K, V>} parameter, found by the value type whatever the parameter is called. So
 * each value type has one loader; a list or a page is given its own record type.
 * <p>
 * The loaders are the gateway's own rather than Spring's {@code BatchLoaderRegistry}'s, which wraps every load in a
 * context snapshot: the request's whole GraphQL context read, written into the Reactor context, and set and reset as
 * thread locals, on each key of a warm view. Here the request's Reactor context is built once, at its first load, and
 * given to each; no load reads a thread local. Nor is a load observed on its own ({@link GraphQlObservations}).
 */
@Configuration(proxyBeanMethods = false)
public class Loaders implements DataLoaderRegistrar {

    /** Unbatched, cached within the request, and without per-load statistics nobody reads. */
    private static final DataLoaderOptions OPTIONS = DataLoaderOptions.newOptions()
            .setBatchingEnabled(false)
            .setStatisticsCollector(NoOpStatisticsCollector::new)
            .build();

    private final Map<String, Function<Object, Mono<Object>>> loads = new ConcurrentHashMap<>();

    /** The execution service with these loaders registered on each request. */
    @Bean
    ExecutionGraphQlService executionGraphQlService(GraphQlSource source) {
        DefaultExecutionGraphQlService service = new DefaultExecutionGraphQlService(source);
        service.addDataLoaderRegistrar(this);
        return service;
    }

    /** Registers the loader of {@code valueType} by {@code keyType}; an empty answer loads as null. */
    @SuppressWarnings("unchecked")
    public <K, V> void register(Class<K> keyType, Class<V> valueType, Function<K, Mono<V>> load) {
        loads.put(valueType.getName(), key -> (Mono<Object>) load.apply(keyType.cast(key)));
    }

    @Override
    public boolean hasRegistrations() {
        return !loads.isEmpty();
    }

    @Override
    public void registerDataLoaders(DataLoaderRegistry registry, GraphQLContext graphQlContext) {
        RequestContext context = new RequestContext(graphQlContext);
        loads.forEach((name, load) -> registry.register(name,
                DataLoaderFactory.newDataLoader(name, batchOf(load, context), OPTIONS)));
    }

    /**
     * The batch function of one loader. With batching off, DataLoader calls it with each key alone, as the key is
     * asked for ({@code loadMany} too): one key is one load, which succeeds or fails on its own.
     */
    private static BatchLoader<Object, Object> batchOf(Function<Object, Mono<Object>> load, RequestContext context) {
        return keys -> {
            if (keys.size() != 1) {
                throw new IllegalStateException("An unbatched DataLoader was given " + keys.size() + " keys");
            }
            return loadOne(load, context, keys.get(0)).thenApply(Collections::singletonList);
        };
    }

    private static CompletableFuture<Object> loadOne(Function<Object, Mono<Object>> load, RequestContext context,
            Object key) {
        return Mono.defer(() -> load.apply(key)).contextWrite(context.view()).toFuture();
    }

    /**
     * Loads {@code key} through the loader of {@code valueType} registered for this request, for a fetcher that
     * cannot declare the {@code DataLoader} as a parameter (a {@link LoadedField}, one field that loads objects of
     * several types).
     */
    public static <K, V> CompletableFuture<V> load(DataFetchingEnvironment environment, Class<V> valueType, K key) {
        return Loaders.<K, V>loader(environment, valueType).load(key);
    }

    /** The loader of {@code valueType} registered for this request, found by the value type as a parameter is. */
    public static <K, V> DataLoader<K, V> loader(DataFetchingEnvironment environment, Class<V> valueType) {
        DataLoader<K, V> loader = environment.getDataLoader(valueType.getName());
        if (loader == null) {
            throw new IllegalStateException("No DataLoader of " + valueType.getName() + " is registered");
        }
        return loader;
    }

    /**
     * The request's Reactor context, as Spring for GraphQL copied it into the GraphQL context (the caller, the
     * request's upstream budget and id), built at the request's first load and shared by all its loads.
     */
    private static final class RequestContext {

        private final GraphQLContext graphQlContext;
        private volatile ContextView view;

        RequestContext(GraphQLContext graphQlContext) {
            this.graphQlContext = graphQlContext;
        }

        ContextView view() {
            ContextView built = view;
            if (built == null) {
                built = ContextPropagationHelper.captureFrom(graphQlContext).updateContext(Context.empty());
                view = built;
            }
            return built;
        }
    }
}
