package io.pipelinesgateway.graphql;

import java.util.Map;
import java.util.function.Function;

import io.pipelinesgateway.bitbucket.BitbucketProperties;
import org.dataloader.Try;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Registers the per-request DataLoaders of resources Bitbucket serves one at a time: identical keys within a
 * request are loaded once, and a batch of distinct keys is fetched in parallel, all at once (the calls to Bitbucket
 * are bounded where they are sent: {@code gateway.bitbucket.max-in-flight} and {@code max-in-flight-per-caller}).
 * Each key succeeds or fails on its own, so one missing pipeline does not fail its siblings.
 */
@Component
public class Loaders {

    private final BatchLoaderRegistry registry;

    public Loaders(BatchLoaderRegistry registry) {
        this.registry = registry;
    }

    /** Registers a loader under {@code name}; a controller receives it as a {@code DataLoader} parameter so named. */
    public <K, V> void register(String name, Function<K, Mono<V>> load) {
        registry.<K, V>forName(name).registerMappedBatchLoader((keys, environment) -> Flux.fromIterable(keys)
                .flatMap(key -> Mono.defer(() -> load.apply(key))
                        .map(value -> Map.entry(key, (V) (Object) Try.succeeded(value)))
                        .onErrorResume(error -> Mono.just(Map.entry(key, (V) (Object) Try.failed(error)))),
                        BitbucketProperties.FAN_OUT)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
