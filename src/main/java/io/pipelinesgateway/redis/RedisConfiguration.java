package io.pipelinesgateway.redis;

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
 * Builds the Redis client and the {@link RedisConnections} every part that uses Redis goes through when
 * {@code spring.data.redis.url} (from {@code REDIS_URL}) is set, and the {@link SharedState} each part asks. Lettuce
 * is configured to fail fast while disconnected, so a Redis outage costs a part nothing but Redis.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnExpression("!'${spring.data.redis.url:}'.isBlank()")
    ClientResources redisClientResources() {
        // Reconnect attempts back off to two seconds at most, so each part is back on Redis soon after Redis is.
        return DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnExpression("!'${spring.data.redis.url:}'.isBlank()")
    RedisClient redisClient(RedisSettings settings, ClientResources resources) {
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.storeTimeout().multipliedBy(4)))
                .build());
        return client;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${spring.data.redis.url:}'.isBlank()")
    RedisConnections redisConnections(@Value("${spring.data.redis.url:}") String redisUrl, RedisSettings settings,
            RedisClient client, MeterRegistry meterRegistry) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(settings.storeTimeout().multipliedBy(4));
        return new RedisConnections(client, uri, settings.storeTimeout(), meterRegistry);
    }

    @Bean
    SharedState sharedState(ObjectProvider<RedisConnections> redis, RedisSettings settings) {
        return new SharedState(redis.getIfAvailable(), settings);
    }
}
