package io.pipelinesgateway.limits;

import java.time.Clock;
import java.util.Optional;

import io.pipelinesgateway.cache.CacheProperties;
import io.pipelinesgateway.cache.RedisConnections;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where clients' allowances are kept, as the cache chooses its store: Redis when
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
        RateLimiter inProcess = new InProcessRateLimiter(Clock.systemUTC(), properties, MAX_CLIENTS);
        return Optional.ofNullable(redis.getIfAvailable())
                .<RateLimiter>map(connections -> new RedisRateLimiter(connections, cache.keyPrefix(),
                        Clock.systemUTC(), properties, inProcess))
                .orElse(inProcess);
    }
}
