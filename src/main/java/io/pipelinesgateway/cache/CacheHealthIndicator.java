package io.pipelinesgateway.cache;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports the cache store ({@code /actuator/health} component {@code cache}, part of readiness): a replica cut off
 * from the Redis the others share would spend its callers' rate limit on every read, so it takes no traffic until
 * Redis is back. Queries it still gets are answered, from upstream. The in-process store is always UP.
 */
@Component("cache")
class CacheHealthIndicator implements ReactiveHealthIndicator {

    private final ResponseStore store;

    CacheHealthIndicator(ResponseStore store) {
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
