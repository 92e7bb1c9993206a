package io.pipelinesgateway.persistedquery;

import java.time.Duration;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
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

    private final Mono<RedisReactiveCommands<String, String>> commands;
    private final String prefix;
    private final Duration ttl;
    private final Duration timeout;

    RedisPersistedQueryStore(Mono<RedisReactiveCommands<String, String>> commands, String keyPrefix, Duration ttl,
            Duration timeout) {
        this.commands = commands;
        this.prefix = keyPrefix + "apq:";
        this.ttl = ttl;
        this.timeout = timeout;
    }

    @Override
    public Mono<String> get(String hash) {
        return guarded(commands.flatMap(redis -> redis.get(prefix + hash)));
    }

    @Override
    public Mono<Void> put(String hash, String query) {
        return guarded(commands.flatMap(redis -> redis.set(prefix + hash, query, SetArgs.Builder.px(ttl.toMillis()))))
                .then();
    }

    private <V> Mono<V> guarded(Mono<V> operation) {
        return operation.timeout(timeout).onErrorResume(error -> {
            log.debug("Persisted query store unavailable: {}", error.toString());
            return Mono.empty();
        });
    }
}
