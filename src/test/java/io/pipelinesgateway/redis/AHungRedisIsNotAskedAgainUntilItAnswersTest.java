package io.pipelinesgateway.redis;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The breaker that every part using Redis goes through (the cache on its binary connection; the rate limiter,
 * persisted queries, the watchers' coordination and the event bus on the text one; the event bus's pub/sub too),
 * against a real Redis paused with SIGSTOP: the first operation waits the store timeout and fails, and from then on
 * every operation, on every connection, fails at once without asking Redis; once Redis is resumed, the probe finds it
 * answering and every connection is used again.
 */
class AHungRedisIsNotAskedAgainUntilItAnswersTest {

    private static final Duration TIMEOUT = Duration.ofMillis(250);
    /** Far less than the timeout: an operation that took this long did not wait for Redis. */
    private static final Duration AT_ONCE = Duration.ofMillis(100);

    private final TestRedis.Dedicated redis = TestRedis.start();
    private final RedisClient client = RedisClient.create();
    private final RedisConnections connections = TestRedis.connections(client, redis.url(), TIMEOUT);

    @AfterEach
    void stopRedis() {
        connections.close();
        redis.resume();
        client.shutdown();
        redis.stop();
    }

    @Test
    void afterOneUnansweredOperationNoneWaitsForRedisUntilItAnswersAgain() {
        Mono<StatefulRedisPubSubConnection<String, String>> pubSub = connections.pubSub(new RedisPubSubAdapter<>());
        List<Supplier<Mono<?>>> operations = List.of(
                () -> connections.text(commands -> commands.get("pg:test")),
                () -> connections.binary(RedisReactiveCommands::ping),
                () -> connections.inBackground(pubSub, connection -> connection.reactive().subscribe("pg:test")));
        operations.forEach(operation -> operation.get().block(Duration.ofSeconds(5)));
        assertThat(connections.available()).isTrue();

        redis.pause();
        assertThat(timeToFail(operations.get(0))).as("the first operation waits for Redis")
                .isGreaterThanOrEqualTo(TIMEOUT);
        assertThat(connections.available()).isFalse();
        for (int round = 0; round < 3; round++) {
            for (Supplier<Mono<?>> operation : operations) {
                assertThat(timeToFail(operation)).as("an operation after it").isLessThan(AT_ONCE);
            }
        }

        redis.resume();
        await().atMost(Duration.ofSeconds(5)).until(connections::available);
        operations.forEach(operation -> operation.get().block(Duration.ofSeconds(5)));
    }

    private static Duration timeToFail(Supplier<Mono<?>> operation) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> operation.get().block(Duration.ofSeconds(5))).isNotNull();
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
