package io.pipelinesgateway.limits;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.ScriptOutputType;
import io.pipelinesgateway.redis.RedisConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Allowances in Redis, shared by every replica: one hash per client ({@code <prefix>ratelimit:<client>}, or
 * {@code <prefix>upstream-budget:<client>} for the budget of upstream calls), counted
 * and taken from in one script, so two replicas never both spend a client's last operation. The time comes from the
 * replica's clock rather than Redis's, so a test can move it; a replica whose clock runs behind never refills a
 * bucket early, since a bucket's time only moves forward.
 * <p>
 * When Redis does not answer within the cache's store timeout, or does not answer at all ({@link RedisConnections}),
 * this replica counts in its own memory instead: the limit then holds per replica rather than across them, and
 * nobody is refused because Redis is down or slow.
 */
class RedisClientRateLimiter implements ClientRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisClientRateLimiter.class);

    private static final String TAKE = """
            local perMilli = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(bucket[1]) or burst
            local at = tonumber(bucket[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * perMilli)
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.ceil((1 - tokens) / perMilli)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(math.max(at, now)))
            redis.call('PEXPIRE', KEYS[1], tostring(math.ceil(burst / perMilli)))
            return wait""";

    private final RedisConnections redis;
    private final String prefix;
    private final Clock clock;
    private final String perMilli;
    private final String burst;
    private final ClientRateLimiter fallback;

    /** Buckets of {@code burst} that refill at {@code perMinute}, each under {@code keyPrefix} and its client. */
    RedisClientRateLimiter(RedisConnections redis, String keyPrefix, Clock clock, long perMinute, long burst,
            ClientRateLimiter fallback) {
        this.redis = redis;
        this.prefix = keyPrefix;
        this.clock = clock;
        this.perMilli = String.valueOf(perMinute / 60_000.0);
        this.burst = String.valueOf(burst);
        this.fallback = fallback;
    }

    @Override
    public Mono<Duration> acquire(String client) {
        String[] key = {prefix + client};
        String now = String.valueOf(clock.millis());
        return redis.text(commands -> commands.<Long>eval(TAKE, ScriptOutputType.INTEGER, key, perMilli, burst, now)
                        .next())
                .map(Duration::ofMillis)
                .onErrorResume(error -> {
                    // The error only: the key names the client.
                    log.debug("Rate limit store unavailable, counting in process: {}", error.toString());
                    return fallback.acquire(client);
                });
    }
}
