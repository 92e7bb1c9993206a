package io.pipelinesgateway.persistedquery;

import java.time.Duration;

import io.lettuce.core.SetArgs;
import io.pipelinesgateway.redis.RedisConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Persisted queries in Redis ({@code <prefix>apq:<sha256>}), shared by every replica, each for the time to live
 * after it was last registered. A query is at most {@code gateway.graphql.max-query-length} characters: a longer one
 * is refused before it gets here.
 */
class RedisPersistedQueryStore implements PersistedQueryStore {

    private static final Logger log = LoggerFactory.getLogger(RedisPersistedQueryStore.class);

    private final RedisConnections redis;
    private final String prefix;
    private final Duration ttl;

    RedisPersistedQueryStore(RedisConnections redis, String keyPrefix, Duration ttl) {
        this.redis = redis;
        this.prefix = keyPrefix + "apq:";
        this.ttl = ttl;
    }

    @Override
    public Mono<String> get(String hash) {
        return guarded(redis.text(commands -> commands.get(prefix + hash)));
    }

    @Override
    public Mono<Void> put(String hash, String query) {
        return guarded(redis.text(commands -> commands.set(prefix + hash, query, SetArgs.Builder.px(ttl.toMillis()))))
                .then();
    }

    /** An operation that knows nothing, rather than fails, when Redis does not answer ({@link RedisConnections}). */
    private <V> Mono<V> guarded(Mono<V> operation) {
        return operation.onErrorResume(error -> {
            log.debug("Persisted query store unavailable: {}", error.toString());
            return Mono.empty();
        });
    }
}
