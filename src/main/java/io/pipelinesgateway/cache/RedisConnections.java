package io.pipelinesgateway.cache;

import java.time.Duration;
import java.util.Optional;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;

/**
 * How every part of the gateway that uses Redis connects to it: on first use, and again a second after a failed
 * attempt, so a gateway started while Redis is down still serves and picks Redis up once it answers. After that,
 * Lettuce reconnects by itself.
 */
public final class RedisConnections {

    private RedisConnections() {
    }

    /** Commands over one connection of {@code client} to {@code uri}, opened when first subscribed to. */
    public static <K, V> Mono<RedisReactiveCommands<K, V>> lazy(RedisClient client, RedisCodec<K, V> codec,
            RedisURI uri) {
        return Mono.fromCompletionStage(() -> client.connectAsync(codec, uri))
                .map(StatefulRedisConnection::reactive)
                .cache(connected -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ofSeconds(1),
                        () -> Duration.ZERO);
    }

    /**
     * Text commands to the Redis at {@code url} through the gateway's client, when Redis is configured (the client
     * exists only then): what a part that keeps its state in Redis or else in process chooses by.
     */
    public static Optional<Mono<RedisReactiveCommands<String, String>>> ifConfigured(
            ObjectProvider<RedisClient> client, String url) {
        return Optional.ofNullable(client.getIfAvailable())
                .map(configured -> lazy(configured, StringCodec.UTF8, RedisURI.create(url)));
    }
}
