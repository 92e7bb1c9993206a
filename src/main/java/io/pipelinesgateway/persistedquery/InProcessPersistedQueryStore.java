package io.pipelinesgateway.persistedquery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/** Persisted queries in this process, without Redis: bounded, and forgotten when unused for the time to live. */
class InProcessPersistedQueryStore implements PersistedQueryStore {

    private final Cache<String, String> queries;

    InProcessPersistedQueryStore(PersistedQueryProperties properties) {
        this.queries = Caffeine.newBuilder()
                .maximumWeight(properties.maxCharacters())
                .weigher((String hash, String query) -> PersistedQueryProperties.weight(query))
                .expireAfterAccess(properties.ttl())
                .build();
    }

    @Override
    public Mono<String> get(String hash) {
        return Mono.justOrEmpty(queries.getIfPresent(hash));
    }

    @Override
    public Mono<Void> put(String hash, String query) {
        return Mono.fromRunnable(() -> queries.put(hash, query));
    }
}
