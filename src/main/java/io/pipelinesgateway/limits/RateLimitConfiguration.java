package io.pipelinesgateway.limits;

import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.cache.CacheProperties;
import io.pipelinesgateway.cache.RedisConnections;
import io.pipelinesgateway.security.ClientIdentity;

import org.springframework.beans.factory.ObjectProvider;
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
class RateLimitConfiguration {

    /** In-process buckets kept at the most: a bucket is a few dozen bytes, and a full one can be forgotten. */
    private static final long MAX_CLIENTS = 100_000;

    @Bean
    RateLimiter rateLimiter(ObjectProvider<RedisConnections> redis, CacheProperties cache,
            RateLimitProperties properties) {
        return limiter("ratelimit:", properties.requestsPerMinute(), properties.burst(), redis, cache);
    }

    @Bean
    ClientUpstreamBudget clientUpstreamBudget(ObjectProvider<RedisConnections> redis, CacheProperties cache,
            RateLimitProperties properties, ClientIdentity clients, MeterRegistry meterRegistry) {
        long perMinute = Math.max(1, properties.upstreamCallsPerMinute());
        return new ClientUpstreamBudget(properties, limiter("upstream-budget:", perMinute, perMinute, redis, cache),
                clients, meterRegistry);
    }

    /** Buckets of {@code burst} refilling at {@code perMinute}, kept under {@code kind} in Redis or in process. */
    private static RateLimiter limiter(String kind, long perMinute, long burst,
            ObjectProvider<RedisConnections> redis, CacheProperties cache) {
        RateLimiter inProcess = new InProcessRateLimiter(Clock.systemUTC(), perMinute, burst, MAX_CLIENTS);
        return Optional.ofNullable(redis.getIfAvailable())
                .<RateLimiter>map(connections -> new RedisRateLimiter(connections, cache.keyPrefix() + kind,
                        Clock.systemUTC(), perMinute, burst, inProcess))
                .orElse(inProcess);
    }
}
