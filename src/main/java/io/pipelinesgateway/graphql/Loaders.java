package io.pipelinesgateway.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
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
 * A loader is registered by its key and value types, as {@link BatchLoaderRegistry#forTypePair} does: a controller
 * receives it as a {@code DataLoader<K, V>} parameter, found by the value type whatever the parameter is called. So
 * each value type has one loader; a list or a page is given its own record type.
 */
@Component
public class Loaders {

    private final BatchLoaderRegistry registry;

    public Loaders(BatchLoaderRegistry registry) {
        this.registry = registry;
    }

    /** Registers the loader of {@code valueType} by {@code keyType}; an empty answer loads as null. */
    public <K, V> void register(Class<K> keyType, Class<V> valueType, Function<K, Mono<V>> load) {
        registry.forTypePair(keyType, valueType)
                // Without batching, the loader is called with each key alone, as the key is asked for.
                .withOptions(options -> options.setBatchingEnabled(false))
                .registerMappedBatchLoader((keys, environment) -> Flux.fromIterable(keys)
                        .flatMap(key -> Mono.defer(() -> load.apply(key)).map(value -> Map.entry(key, value)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue));
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
}
