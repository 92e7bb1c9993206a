package io.pipelinesgateway.events;

import io.pipelinesgateway.redis.SharedState;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the bus like the cache chooses its store: Redis pub/sub when {@code spring.data.redis.url} is set (the
 * replicas then share events), falling back to this process while Redis does not answer; in process otherwise.
 * Channels take the cache's key prefix, so gateways that share a Redis but not a prefix do not hear each other.
 */
@Configuration(proxyBeanMethods = false)
class EventBusConfiguration {

    @Bean
    RedisFallback redisFallback(MeterRegistry meterRegistry) {
        return new RedisFallback(meterRegistry);
    }

    @Bean
    EventBus eventBus(SharedState state, JsonMapper json, RedisFallback fallback) {
        return state.redis().<EventBus>map(connections -> new FallbackEventBus(
                        new RedisEventBus(connections, state.keyPrefix(), json), new InProcessEventBus(), fallback))
                .orElseGet(InProcessEventBus::new);
    }
}
