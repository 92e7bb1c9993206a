package io.pipelinesgateway.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import reactor.core.publisher.Mono;

/**
 * The cache in Redis through Lettuce's reactive API, shared by every replica. The connection is opened on first use
 * and again after a failure, so a gateway started while Redis is down still serves (from upstream) and uses the
 * cache once Redis answers; Lettuce reconnects by itself after that.
 */
class RedisResponseStore implements ResponseStore {

    private static final byte[] LOCKED = "1".getBytes(StandardCharsets.UTF_8);

    private final Mono<RedisReactiveCommands<String, byte[]>> commands;
    private final Duration indexTtl;

    RedisResponseStore(RedisClient client, RedisURI uri, Duration indexTtl) {
        this.indexTtl = indexTtl;
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        this.commands = RedisConnections.lazy(client, codec, uri);
    }

    @Override
    public Mono<byte[]> get(String key) {
        return commands.flatMap(redis -> redis.get(key));
    }

    @Override
    public Mono<Void> put(String key, String index, byte[] value, Duration ttl) {
        byte[] member = key.getBytes(StandardCharsets.UTF_8);
        return commands.flatMap(redis -> Mono.when(
                redis.set(key, value, SetArgs.Builder.px(ttl.toMillis())),
                redis.sadd(index, member).then(redis.pexpire(index, indexTtl.toMillis()))));
    }

    @Override
    public Mono<Void> evict(String index, String keyPrefix) {
        return commands.flatMap(redis -> redis.smembers(index)
                .filter(member -> new String(member, StandardCharsets.UTF_8).startsWith(keyPrefix))
                .collectList()
                .flatMap(members -> members.isEmpty() ? Mono.empty() : Mono.when(
                        redis.del(members.stream().map(member -> new String(member, StandardCharsets.UTF_8))
                                .toArray(String[]::new)),
                        redis.srem(index, members.toArray(byte[][]::new)))));
    }

    @Override
    public Mono<Boolean> lock(String key, Duration ttl) {
        return commands.flatMap(redis -> redis.set(key, LOCKED, SetArgs.Builder.nx().px(ttl.toMillis())))
                .map("OK"::equals)
                .defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> unlock(String key) {
        return commands.flatMap(redis -> redis.del(key)).then();
    }

    @Override
    public Mono<Void> ping() {
        return commands.flatMap(redis -> redis.ping()).then();
    }

    @Override
    public String kind() {
        return "redis";
    }
}
