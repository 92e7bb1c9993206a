package io.pipelinesgateway.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the store: Redis when {@code spring.data.redis.url} (from {@code REDIS_URL}) is set, the in-process cache
 * otherwise. With Redis, it also builds the client and the {@link RedisConnections} every part that uses Redis goes
 * through. Lettuce is configured to fail fast while disconnected, so a Redis outage costs reads nothing but the
 * cache.
 */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnExpression("!'${spring.data.redis.url:}'.isBlank()")
    ClientResources redisClientResources() {
        // Reconnect attempts back off to two seconds at most, so the cache is back soon after Redis is.
        return DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnExpression("!'${spring.data.redis.url:}'.isBlank()")
    RedisClient redisClient(CacheProperties properties, ClientResources resources) {
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(properties.storeTimeout().multipliedBy(4)))
                .build());
        return client;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${spring.data.redis.url:}'.isBlank()")
    RedisConnections redisConnections(@Value("${spring.data.redis.url:}") String redisUrl, CacheProperties properties,
            RedisClient client, MeterRegistry meterRegistry) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(properties.storeTimeout().multipliedBy(4));
        return new RedisConnections(client, uri, properties.storeTimeout(), meterRegistry);
    }

    @Bean
    ResponseStore responseStore(CacheProperties properties, ObjectProvider<RedisConnections> redis) {
        RedisConnections connections = redis.getIfAvailable();
        if (connections == null) {
            return new InProcessResponseStore(properties.maxEntries());
        }
        Duration longest = properties.completed().compareTo(properties.configuration()) > 0
                ? properties.completed() : properties.configuration();
        return new RedisResponseStore(connections, longest);
    }
}
