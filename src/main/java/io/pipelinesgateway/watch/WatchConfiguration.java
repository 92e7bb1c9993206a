package io.pipelinesgateway.watch;

import java.time.Clock;

import io.pipelinesgateway.cache.CacheProperties;
import io.pipelinesgateway.cache.RedisConnections;
import io.pipelinesgateway.events.RedisFallback;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where watchers coordinate: Redis when {@code spring.data.redis.url} is set, so that replicas keep one
 * watcher per repository between them and share the budget, falling back to this process while Redis does not
 * answer; this process otherwise. Keys take the cache's prefix.
 */
@Configuration(proxyBeanMethods = false)
class WatchConfiguration {

    @Bean
    Coordination watchCoordination(ObjectProvider<RedisConnections> redis, CacheProperties cache, JsonMapper json,
            RedisFallback fallback, WatchProperties properties) {
        RedisConnections connections = redis.getIfAvailable();
        if (connections == null) {
            return new LocalCoordination(Clock.systemUTC());
        }
        RedisCoordination shared = new RedisCoordination(connections, cache.keyPrefix(), json);
        return new FallbackCoordination(shared, new LocalCoordination(Clock.systemUTC()), fallback,
                properties.stateTtl());
    }
}
