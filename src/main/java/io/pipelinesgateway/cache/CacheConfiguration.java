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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the store: Redis when {@code spring.data.redis.url} (from {@code REDIS_URL}) is set, the in-process cache
 * otherwise. Lettuce is configured to fail fast while disconnected, so a Redis outage costs reads nothing but the
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

    @Bean
    ResponseStore responseStore(@Value("${spring.data.redis.url:}") String redisUrl, CacheProperties properties,
            ObjectProvider<RedisClient> redisClient) {
        RedisClient client = redisClient.getIfAvailable();
        if (client == null) {
            return new InProcessResponseStore(properties.maxEntries());
        }
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(properties.storeTimeout().multipliedBy(4));
        Duration longest = properties.completed().compareTo(properties.configuration()) > 0
                ? properties.completed() : properties.configuration();
        return new RedisResponseStore(client, uri, longest);
    }
}
