package io.pipelinesgateway.watch;

import java.time.Clock;

import io.pipelinesgateway.events.RedisFallback;
import io.pipelinesgateway.redis.SharedState;
import tools.jackson.databind.json.JsonMapper;

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
    Coordination watchCoordination(SharedState state, JsonMapper json, RedisFallback fallback,
            WatchProperties properties) {
        return state.redis().<Coordination>map(connections -> new FallbackCoordination(
                        new RedisCoordination(connections, state.keyPrefix(), json),
                        new LocalCoordination(Clock.systemUTC()), fallback, properties.stateTtl()))
                .orElseGet(() -> new LocalCoordination(Clock.systemUTC()));
    }
}
