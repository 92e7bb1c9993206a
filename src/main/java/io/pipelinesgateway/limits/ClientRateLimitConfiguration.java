package io.pipelinesgateway.limits;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.redis.RedisConnections;
import io.pipelinesgateway.redis.SharedState;
import io.pipelinesgateway.security.ClientIdentity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where clients' allowances (of operations, and in service mode of upstream calls) are kept, as the cache
 * chooses its store: Redis when
 * {@code spring.data.redis.url} is set (replicas then share each client's allowance), this process otherwise. Keys
 * take the cache's prefix, and Redis gets the store timeout ({@link RedisConnections}) before this replica counts on
 * its own.
 */
@Configuration(proxyBeanMethods = false)
class ClientRateLimitConfiguration {

    /** In-process buckets kept at the most: a bucket is a few dozen bytes, and a full one can be forgotten. */
    private static final long MAX_CLIENTS = 100_000;

    @Bean
    ClientRateLimiter rateLimiter(SharedState state, ClientRateLimitProperties properties) {
        return limiter("ratelimit:", properties.requestsPerMinute(), properties.burst(), state);
    }

    @Bean
    ClientUpstreamBudget clientUpstreamBudget(SharedState state, ClientRateLimitProperties properties,
            ClientIdentity clients, MeterRegistry meterRegistry) {
        long perMinute = Math.max(1, properties.upstreamCallsPerMinute());
        return new ClientUpstreamBudget(properties, limiter("upstream-budget:", perMinute, perMinute, state),
                clients, meterRegistry);
    }

    /** Buckets of {@code burst} refilling at {@code perMinute}, kept under {@code kind} in Redis or in process. */
    private static ClientRateLimiter limiter(String kind, long perMinute, long burst, SharedState state) {
        ClientRateLimiter inProcess = new InProcessClientRateLimiter(Clock.systemUTC(), perMinute, burst, MAX_CLIENTS);
        return state.redis()
                .<ClientRateLimiter>map(connections -> new RedisClientRateLimiter(connections, state.keyPrefix() + kind,
                        Clock.systemUTC(), perMinute, burst, inProcess))
                .orElse(inProcess);
    }
}
