package io.pipelinesgateway.limits;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Each client's allowance of operations: a token bucket of {@code burst} operations that refills at
 * {@code requests-per-minute}. Kept in Redis when configured, so replicas share one allowance per client, in this
 * process otherwise.
 */
interface RateLimiter {

    /** Takes one operation from {@code client}'s allowance: zero when it may run, else how long until it may. */
    Mono<Duration> acquire(String client);
}
