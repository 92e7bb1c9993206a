package io.pipelinesgateway.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every part that keeps state in Redis (the response cache, the rate limiter, persisted queries, the event bus,
 * the watchers' coordination, webhook deliveries) uses it. Redis itself is turned on by {@code REDIS_URL}
 * ({@code spring.data.redis.url}); without it each part keeps its state in this process.
 *
 * @param keyPrefix    prefix of every Redis key and channel, so several gateways (or tests) can share one Redis
 * @param storeTimeout how long one Redis operation a request waits for may take (one no request waits for, four
 *                     times that); one that takes longer, or finds Redis unreachable, stops the gateway asking Redis
 *                     until it answers a ping again ({@link RedisConnections}), and each part then does without it
 */
@ConfigurationProperties("gateway.redis")
public record RedisSettings(
        @DefaultValue("pg:v1:") String keyPrefix,
        @DefaultValue("250ms") Duration storeTimeout) {
}
