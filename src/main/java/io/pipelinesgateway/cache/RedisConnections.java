package io.pipelinesgateway.cache;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.RedisCodec;
import reactor.core.publisher.Mono;

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
}
