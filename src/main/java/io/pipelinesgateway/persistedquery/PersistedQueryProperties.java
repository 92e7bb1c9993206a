package io.pipelinesgateway.persistedquery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic persisted queries (Apollo's protocol): a frontend sends a query's SHA-256 instead of its text once the
 * gateway knows it, so requests stay small, and hash-only queries can be sent with GET.
 *
 * @param enabled       turns persisted queries off; a request with only a hash then fails with
 *                      PERSISTED_QUERY_NOT_SUPPORTED, which tells Apollo Client to stop sending hashes
 * @param ttl           how long a query is kept after it was last registered (in Redis) or used (in process)
 * @param maxCharacters how much query text each of this process's caches holds, counted in characters: the texts
 *                      when there is no Redis, and the queries kept parsed and validated (by hash, and by text for
 *                      queries sent in full). A bound by size, not count, so long queries cannot fill the heap.
 */
@ConfigurationProperties("gateway.persisted-queries")
public record PersistedQueryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration ttl,
        @DefaultValue("2000000") long maxCharacters) {

    /** How much of the caches' bound a kept query takes: its length, and a little for the entry itself. */
    static int weight(String query) {
        return 64 + query.length();
    }
}
