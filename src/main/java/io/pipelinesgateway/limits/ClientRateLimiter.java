package io.pipelinesgateway.limits;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * The client rate limit, each client's allowance of operations (not Bitbucket's limit on the gateway, nor a request's
 * budget of upstream calls): a token bucket of {@code burst} operations that refills at
 * {@code requests-per-minute}. Kept in Redis when configured, so replicas share one allowance per client, in this
 * process otherwise.
 */
interface ClientRateLimiter {

    /** Takes one operation from {@code client}'s allowance: zero when it may run, else how long until it may. */
    Mono<Duration> acquire(String client);
}
