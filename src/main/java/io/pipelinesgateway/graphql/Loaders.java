package io.pipelinesgateway.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.pipelinesgateway.bitbucket.BitbucketProperties;
import org.dataloader.DataLoader;
import org.dataloader.Try;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import graphql.schema.DataFetchingEnvironment;

/**
 * Registers the per-request DataLoaders of resources Bitbucket serves one at a time: identical keys within a
 * request are loaded once, and a batch of distinct keys is fetched in parallel, all at once (the calls to Bitbucket
 * are bounded where they are sent: {@code gateway.bitbucket.max-in-flight} and {@code max-in-flight-per-caller}).
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
        registry.forTypePair(keyType, valueType).registerMappedBatchLoader((keys, environment) -> Flux.fromIterable(keys)
                .flatMap(key -> Mono.defer(() -> load.apply(key))
                        .map(value -> Map.entry(key, Try.succeeded(value)))
                        .onErrorResume(error -> Mono.just(Map.entry(key, Try.failed(error)))),
                        BitbucketProperties.FAN_OUT)
                .collectMap(Map.Entry::getKey, entry -> asValue(entry.getValue())));
    }

    /**
     * Loads {@code key} through the loader of {@code valueType} registered for this request, for a fetcher that
     * cannot declare the {@code DataLoader} as a parameter (one field that loads objects of several types).
     */
    public static <K, V> CompletableFuture<V> load(DataFetchingEnvironment environment, Class<V> valueType, K key) {
        DataLoader<K, V> loader = environment.getDataLoader(valueType.getName());
        if (loader == null) {
            throw new IllegalStateException("No DataLoader of " + valueType.getName() + " is registered");
        }
        return loader.load(key);
    }

    /**
     * A mapped batch loader may answer a key with a {@link Try} in place of its value: the DataLoader then completes
     * that key alone, with the value or the error. The map's declared value type cannot say so.
     */
    @SuppressWarnings("unchecked")
    private static <V> V asValue(Try<?> answer) {
        return (V) answer;
    }
}
