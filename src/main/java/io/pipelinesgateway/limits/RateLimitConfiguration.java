package io.pipelinesgateway.limits;

import java.time.Clock;

import io.lettuce.core.RedisClient;
import io.pipelinesgateway.cache.CacheProperties;
import io.pipelinesgateway.cache.RedisConnections;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where clients' allowances are kept, as the cache chooses its store: Redis when
 * {@code spring.data.redis.url} is set (replicas then share each client's allowance), this process otherwise. Keys
 * take the cache's prefix, and Redis gets the cache's store timeout before this replica counts on its own.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** In-process buckets kept at the most: a bucket is a few dozen bytes, and a full one can be forgotten. */
    private static final long MAX_CLIENTS = 100_000;

    @Bean
    RateLimiter rateLimiter(@Value("${spring.data.redis.url:}") String redisUrl,
            ObjectProvider<RedisClient> redisClient, CacheProperties cache, RateLimitProperties properties) {
        RateLimiter inProcess = new InProcessRateLimiter(Clock.systemUTC(), properties, MAX_CLIENTS);
        return RedisConnections.ifConfigured(redisClient, redisUrl)
                .<RateLimiter>map(redis -> new RedisRateLimiter(redis, cache.keyPrefix(), Clock.systemUTC(),
                        properties, cache.storeTimeout(), inProcess))
                .orElse(inProcess);
    }
}
