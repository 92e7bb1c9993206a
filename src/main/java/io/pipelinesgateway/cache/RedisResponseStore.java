package io.pipelinesgateway.cache;

import io.pipelinesgateway.redis.RedisConnections;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

/**
 * The cache in Redis through Lettuce's reactive API, shared by every replica, reached through
 * {@link RedisConnections}: a gateway started while Redis is down still serves (from upstream) and uses the cache
 * once Redis answers, and a Redis that does not answer costs a read one store timeout at the most. A write (its
 * entries, their index, the lock it releases) and a claim (read, else lock) are each one script, so a cold read
 * makes four round trips to Redis, not ten.
 */
class RedisResponseStore implements ResponseStore {

    /**
     * KEYS: the index, the entries, then the lock to release when ARGV[4] is 1, then the entry the last one needs when
     * ARGV[5] is 1. ARGV: the value, its time to live and the index's (milliseconds), and those two flags.
     */
    private static final String WRITE = """
            local entries = #KEYS - 1 - tonumber(ARGV[4]) - tonumber(ARGV[5])
            local last = 1 + entries
            if ARGV[5] == '1' and redis.call('EXISTS', KEYS[#KEYS]) == 0 then last = last - 1 end
            for i = 2, last do redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2]) end
            if last >= 2 then
              redis.call('SADD', KEYS[1], unpack(KEYS, 2, last))
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
            end
            if ARGV[4] == '1' then redis.call('DEL', KEYS[2 + entries]) end
            return last - 1
            """;
    /** KEYS: the entry, its lock. ARGV: the lock's time to live (milliseconds). {1, value}, {2} locked, {3} held. */
    private static final String READ_OR_LOCK = """
            local value = redis.call('GET', KEYS[1])
            if value then return {1, value} end
            if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then return {2} end
            return {3}
            """;
    private static final long FOUND = 1;
    private static final long LOCKED = 2;

    private final RedisConnections redis;
    private final Duration indexTtl;

    RedisResponseStore(RedisConnections redis, Duration indexTtl) {
        this.redis = redis;
        this.indexTtl = indexTtl;
    }

    @Override
    public Mono<byte[]> get(String key) {
        return redis.binary(commands -> commands.get(key));
    }

    @Override
    public Mono<List<Optional<byte[]>>> getAll(List<String> keys) {
        return redis.binary(commands -> commands.mget(keys.toArray(String[]::new))
                .map(found -> found.hasValue() ? Optional.of(found.getValue()) : Optional.<byte[]>empty())
                .collectList());
    }

    @Override
    public Mono<Void> write(Write write) {
        List<String> keys = new ArrayList<>(write.keys().size() + 3);
        keys.add(write.index());
        keys.addAll(write.keys());
        if (write.lock() != null) {
            keys.add(write.lock());
        }
        if (write.lastKeyNeeds() != null) {
            keys.add(write.lastKeyNeeds());
        }
        return redis.binary(commands -> commands.<Long>eval(WRITE, ScriptOutputType.INTEGER,
                keys.toArray(String[]::new), write.value(), ascii(write.ttl().toMillis()),
                ascii(indexTtl.toMillis()), ascii(write.lock() == null ? 0 : 1),
                ascii(write.lastKeyNeeds() == null ? 0 : 1)).then());
    }

    @Override
    public Mono<Void> evict(String index, String keyPrefix) {
        return redis.binary(commands -> commands.smembers(index)
                .filter(member -> new String(member, StandardCharsets.UTF_8).startsWith(keyPrefix))
                .collectList()
                .flatMap(members -> members.isEmpty() ? Mono.empty() : Mono.when(
                        commands.del(members.stream().map(member -> new String(member, StandardCharsets.UTF_8))
                                .toArray(String[]::new)),
                        commands.srem(index, members.toArray(byte[][]::new)))));
    }

    @Override
    public Mono<Claim> readOrLock(String key, String lock, Duration ttl) {
        return redis.binary(commands -> commands.<List<Object>>eval(READ_OR_LOCK, ScriptOutputType.MULTI,
                new String[] {key, lock}, ascii(ttl.toMillis())).next())
                .map(answer -> (Long) answer.get(0) == FOUND ? new Claim((byte[]) answer.get(1), false)
                        : (Long) answer.get(0) == LOCKED ? Claim.TAKEN : Claim.HELD_ELSEWHERE);
    }

    @Override
    public Mono<Void> unlock(String key) {
        return redis.binary(commands -> commands.del(key)).then();
    }

    @Override
    public Mono<Void> ping() {
        return redis.binary(RedisReactiveCommands::ping).then();
    }

    @Override
    public String kind() {
        return "redis";
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }
}
