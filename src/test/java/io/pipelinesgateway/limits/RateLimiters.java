package io.pipelinesgateway.limits;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.pipelinesgateway.support.TestRedis;

/**
 * Limiters as the gateway builds them, for tests that drive them directly: a clock the test moves, and Redis at a
 * URL and key prefix the test chooses.
 */
final class RateLimiters {

    private RateLimiters() {
    }

    static RateLimitProperties perMinute(long requestsPerMinute, long burst) {
        return new RateLimitProperties(true, requestsPerMinute, burst, 0);
    }

    static InProcessRateLimiter inProcess(Clock clock, RateLimitProperties properties) {
        return new InProcessRateLimiter(clock, properties.requestsPerMinute(), properties.burst(), 1000);
    }

    /** A replica's limiter on the Redis at {@code url}, falling back to one in process; {@code client} is its own. */
    static RedisRateLimiter redis(RedisClient client, String url, String keyPrefix, Clock clock,
            RateLimitProperties properties) {
        return new RedisRateLimiter(TestRedis.connections(client, url, Duration.ofSeconds(2)),
                keyPrefix + "ratelimit:", clock, properties.requestsPerMinute(), properties.burst(),
                inProcess(clock, properties));
    }
}
