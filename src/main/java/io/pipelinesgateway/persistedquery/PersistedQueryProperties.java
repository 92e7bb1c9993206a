package io.pipelinesgateway.persistedquery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic persisted queries (Apollo's protocol): a frontend sends a query's SHA-256 instead of its text once the
 * gateway knows it, so requests stay small, and hash-only queries can be sent with GET.
 *
 * @param enabled    turns persisted queries off; a request with only a hash then fails with
 *                   PERSISTED_QUERY_NOT_SUPPORTED, which tells Apollo Client to stop sending hashes
 * @param ttl        how long a query is kept after it was last registered (in Redis) or used (in process)
 * @param maxEntries how many queries this process keeps, as text without Redis, and parsed and validated always
 */
@ConfigurationProperties("gateway.persisted-queries")
public record PersistedQueryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration ttl,
        @DefaultValue("10000") long maxEntries) {
}
