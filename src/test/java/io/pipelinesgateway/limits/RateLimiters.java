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

    static ClientRateLimitProperties perMinute(long requestsPerMinute, long burst) {
        return new ClientRateLimitProperties(true, requestsPerMinute, burst, 0);
    }

    static InProcessClientRateLimiter inProcess(Clock clock, ClientRateLimitProperties properties) {
        return new InProcessClientRateLimiter(clock, properties.requestsPerMinute(), properties.burst(), 1000);
    }

    /** A replica's limiter on the Redis at {@code url}, falling back to one in process; {@code client} is its own. */
    static RedisClientRateLimiter redis(RedisClient client, String url, String keyPrefix, Clock clock,
            ClientRateLimitProperties properties) {
        return new RedisClientRateLimiter(TestRedis.connections(client, url, Duration.ofSeconds(2)),
                keyPrefix + "ratelimit:", clock, properties.requestsPerMinute(), properties.burst(),
                inProcess(clock, properties));
    }
}
