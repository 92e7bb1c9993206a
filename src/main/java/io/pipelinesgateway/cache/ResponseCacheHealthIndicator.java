package io.pipelinesgateway.cache;

import io.pipelinesgateway.redis.RedisConnections;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports the cache store ({@code /actuator/health} component {@code cache}, shown to authenticated callers): DOWN
 * while Redis does not answer, when reads go to Bitbucket without the cache. Not part of readiness: Redis is shared
 * by every replica, so its outage would take them all out of service at once, while each can still answer. While
 * the gateway does not ask Redis ({@link RedisConnections}), this says so without asking it either. The in-process
 * store is always UP.
 */
@Component("cache")
class ResponseCacheHealthIndicator implements ReactiveHealthIndicator {

    private final ResponseStore store;

    ResponseCacheHealthIndicator(ResponseStore store) {
        this.store = store;
    }

    @Override
    public Mono<Health> health() {
        return store.ping()
                .timeout(Duration.ofSeconds(1))
                .then(Mono.fromSupplier(() -> Health.up().withDetail("store", store.kind()).build()))
                .onErrorResume(error -> Mono.just(Health.down()
                        .withDetail("store", store.kind())
                        .withDetail("reason", "The cache store does not answer; reads go to Bitbucket directly.")
                        .build()));
    }
}
