package io.pipelinesgateway.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.pipelinesgateway.sandbox.TestClock;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's allowance refills at {@code requests-per-minute}, up to {@code burst}: an operation refused now runs
 * once the wait it was told has passed, and a quiet client gets no more than a full burst. The same in this process
 * and in Redis.
 */
class RateLimitRefillsTest {

    private static final ClientRateLimitProperties SIXTY_A_MINUTE_TWO_AT_ONCE = RateLimiters.perMinute(60, 2);
    private static final RedisClient REDIS = RedisClient.create();

    private final TestClock clock = new TestClock();

    @AfterAll
    static void closeRedis() {
        REDIS.shutdown();
    }

    @Test
    void anAllowanceInThisProcessRefillsOneOperationASecond() {
        refillsOneASecond(RateLimiters.inProcess(clock, SIXTY_A_MINUTE_TWO_AT_ONCE));
    }

    @Test
    void anAllowanceInRedisRefillsOneOperationASecond() {
        refillsOneASecond(RateLimiters.redis(REDIS, TestRedis.url(), TestRedis.uniquePrefix(), clock,
                SIXTY_A_MINUTE_TWO_AT_ONCE));
    }

    private void refillsOneASecond(ClientRateLimiter limiter) {
        assertThat(take(limiter, 2)).containsOnly(Duration.ZERO);
        assertThat(take(limiter, 1)).containsExactly(Duration.ofSeconds(1));

        clock.advance(Duration.ofMillis(500));
        assertThat(take(limiter, 1)).as("half a token is not enough").containsExactly(Duration.ofMillis(500));

        clock.advance(Duration.ofMillis(500));
        assertThat(take(limiter, 2)).containsExactly(Duration.ZERO, Duration.ofSeconds(1));

        clock.advance(Duration.ofHours(1));
        assertThat(take(limiter, 3)).as("no more than a burst after a long quiet")
                .containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1));
    }

    private static List<Duration> take(ClientRateLimiter limiter, int count) {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waits.add(limiter.acquire("client").block(Duration.ofSeconds(5)));
        }
        return waits;
    }
}
