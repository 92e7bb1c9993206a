package io.pipelinesgateway.cache;

import io.pipelinesgateway.redis.RedisConnections;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The cache in Redis through Lettuce's reactive API, shared by every replica, reached through
 * {@link RedisConnections}: a gateway started while Redis is down still serves (from upstream) and uses the cache
 * once Redis answers, and a Redis that does not answer costs a read one store timeout at the most.
 */
class RedisResponseStore implements ResponseStore {

    private static final byte[] LOCKED = "1".getBytes(StandardCharsets.UTF_8);

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
    public Mono<Void> put(String key, String index, byte[] value, Duration ttl) {
        return put(List.of(key), index, value, ttl);
    }

    @Override
    public Mono<Void> put(List<String> keys, String index, byte[] value, Duration ttl) {
        byte[][] members = keys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        SetArgs expiry = SetArgs.Builder.px(ttl.toMillis());
        return redis.binary(commands -> Mono.when(
                Flux.fromIterable(keys).flatMap(key -> commands.set(key, value, expiry)),
                commands.sadd(index, members).then(commands.pexpire(index, indexTtl.toMillis()))));
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
    public Mono<Boolean> lock(String key, Duration ttl) {
        return redis.binary(commands -> commands.set(key, LOCKED, SetArgs.Builder.nx().px(ttl.toMillis())))
                .map("OK"::equals)
                .defaultIfEmpty(false);
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
}
