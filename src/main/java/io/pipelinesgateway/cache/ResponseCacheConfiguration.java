package io.pipelinesgateway.cache;

import java.time.Duration;

import io.pipelinesgateway.redis.SharedState;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the store as {@link SharedState} says: Redis when it is configured, the in-process cache otherwise. */
@Configuration(proxyBeanMethods = false)
class ResponseCacheConfiguration {

    @Bean
    ResponseStore responseStore(ResponseCacheProperties properties, SharedState state) {
        Duration longest = properties.completed().compareTo(properties.configuration()) > 0
                ? properties.completed() : properties.configuration();
        return state.redis().<ResponseStore>map(connections -> new RedisResponseStore(connections, longest))
                .orElseGet(() -> new InProcessResponseStore(properties.maxEntries()));
    }
}
