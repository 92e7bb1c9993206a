package io.pipelinesgateway.redis;

import java.util.Optional;

/**
 * The one decision of where the gateway's shared state lives, which every part that keeps some asks: in Redis, through
 * {@link RedisConnections}, when {@code REDIS_URL} is set (replicas then share it), or in this process when it is
 * not. Each part still falls back to its own memory while a configured Redis does not answer.
 */
public final class SharedState {

    private final RedisConnections redis;
    private final RedisSettings settings;

    /** @param redis the way to Redis, or null to keep the state in this process */
    public SharedState(RedisConnections redis, RedisSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** The way to Redis, or empty when the gateway keeps its state in this process. */
    public Optional<RedisConnections> redis() {
        return Optional.ofNullable(redis);
    }

    /** The prefix of every key and channel this gateway uses in Redis. */
    public String keyPrefix() {
        return settings.keyPrefix();
    }
}
