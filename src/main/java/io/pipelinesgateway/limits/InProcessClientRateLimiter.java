package io.pipelinesgateway.limits;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * Allowances kept in this process: without Redis, and while Redis does not answer. Bounded in number; a client's
 * bucket is forgotten once it has been quiet long enough to be full again, when forgetting it changes nothing.
 */
class InProcessClientRateLimiter implements ClientRateLimiter {

    private final Clock clock;
    private final double perMilli;
    private final long burst;
    private final Cache<String, Bucket> buckets;

    /** Buckets of {@code burst} that refill at {@code perMinute}, for at most {@code maxClients} clients. */
    InProcessClientRateLimiter(Clock clock, long perMinute, long burst, long maxClients) {
        this.clock = clock;
        this.perMilli = perMinute / 60_000.0;
        this.burst = burst;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(Duration.ofMillis((long) Math.ceil(burst / perMilli)))
                .build();
    }

    @Override
    public Mono<Duration> acquire(String client) {
        return Mono.fromSupplier(() -> {
            long now = clock.millis();
            return Duration.ofMillis(buckets.get(client, absent -> new Bucket(burst, now)).take(now));
        });
    }

    /** What is left of one client's allowance, and when it was last counted. */
    private final class Bucket {

        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** The same arithmetic as {@link RedisClientRateLimiter}'s script: zero and one token fewer, or the wait. */
        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + Math.max(0, now - at) * perMilli);
            at = Math.max(at, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }
    }
}
