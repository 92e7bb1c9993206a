package io.pipelinesgateway.persistedquery;

import reactor.core.publisher.Mono;

/**
 * Where the text of persisted queries is kept, by hash: Redis when configured, so a query registered through one
 * replica is known to all, this process's memory otherwise. Never fails: a store that does not answer knows nothing,
 * and the client then sends the query's text again.
 */
interface PersistedQueryStore {

    /** The query with this SHA-256 (64 hex digits), or empty. */
    Mono<String> get(String hash);

    /** Keeps a query, whose hash has been checked, for {@code gateway.persisted-queries.ttl}. */
    Mono<Void> put(String hash, String query);
}
