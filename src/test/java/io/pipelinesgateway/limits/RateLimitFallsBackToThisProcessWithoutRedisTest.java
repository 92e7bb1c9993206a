package io.pipelinesgateway.limits;

import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis going away does not refuse everyone, nor let everyone through: each replica counts its clients'
 * operations in its own memory while Redis does not answer (the limit then holds per replica), and in Redis again,
 * shared with the other replicas, once it does.
 */
class RateLimitFallsBackToThisProcessWithoutRedisTest {

    private static final ClientRateLimitProperties TWO_AT_ONCE = RateLimiters.perMinute(1, 2);

    private final TestRedis.Dedicated redis = TestRedis.start();
    private final RedisClient connections = RedisClient.create();
    private final TestClock clock = new TestClock();
    private final String prefix = TestRedis.uniquePrefix();

    @AfterEach
    void stopRedis() {
        connections.shutdown();
        redis.stop();
    }

    @Test
    void whileRedisIsDownAReplicaCountsInItsOwnMemoryAndAfterwardsInRedisAgain() {
        ClientRateLimiter limiter = RateLimiters.redis(connections, redis.url(), prefix, clock, TWO_AT_ONCE);
        redis.stop();

        assertThat(take(limiter, "during")).as("allowed, counted in process").isZero();
        assertThat(take(limiter, "during")).isZero();
        assertThat(take(limiter, "during")).as("the count in process still limits").isPositive();

        redis.restart();
        // The replica tries Redis again a second after a failed attempt; until then it counts in process.
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            String probe = "probe-" + UUID.randomUUID();
            take(limiter, probe);
            return isInRedis(probe);
        });
        ClientRateLimiter otherReplica = RateLimiters.redis(connections, redis.url(), prefix, clock, TWO_AT_ONCE);
        assertThat(take(limiter, "after")).isZero();
        assertThat(take(otherReplica, "after")).isZero();
        assertThat(take(limiter, "after")).as("the two replicas share the count again").isPositive();
    }

    private boolean isInRedis(String client) {
        try (StatefulRedisConnection<String, String> probe = connections.connect(RedisURI.create(redis.url()))) {
            return probe.sync().exists(prefix + "ratelimit:" + client) == 1;
        }
    }

    private static Duration take(ClientRateLimiter limiter, String client) {
        return limiter.acquire(client).block(Duration.ofSeconds(5));
    }
}
