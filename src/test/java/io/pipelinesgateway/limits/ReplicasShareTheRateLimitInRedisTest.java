package io.pipelinesgateway.limits;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis, a client's allowance is one across replicas: what it spends on one is gone on the others, so running
 * more replicas does not multiply what a client may send. Gateways with another key prefix count apart.
 */
class ReplicasShareTheRateLimitInRedisTest {

    private static final ClientRateLimitProperties THREE_AT_ONCE = RateLimiters.perMinute(1, 3);

    private final RedisClient firstConnection = RedisClient.create();
    private final RedisClient secondConnection = RedisClient.create();
    private final TestClock clock = new TestClock();

    @AfterEach
    void closeRedis() {
        firstConnection.shutdown();
        secondConnection.shutdown();
    }

    @Test
    void twoReplicasOnOneRedisShareEachClientsAllowance() {
        String prefix = TestRedis.uniquePrefix();
        ClientRateLimiter first = RateLimiters.redis(firstConnection, TestRedis.url(), prefix, clock, THREE_AT_ONCE);
        ClientRateLimiter second = RateLimiters.redis(secondConnection, TestRedis.url(), prefix, clock, THREE_AT_ONCE);

        assertThat(take(first)).isZero();
        assertThat(take(second)).isZero();
        assertThat(take(first)).isZero();
        assertThat(take(second)).as("the fourth operation across both").isPositive();
        assertThat(take(first)).isPositive();

        ClientRateLimiter elsewhere = RateLimiters.redis(secondConnection, TestRedis.url(), TestRedis.uniquePrefix(),
                clock, THREE_AT_ONCE);
        assertThat(take(elsewhere)).as("another gateway's keys").isZero();
    }

    private static Duration take(ClientRateLimiter limiter) {
        return limiter.acquire("client").block(Duration.ofSeconds(5));
    }
}
