package io.pipelinesgateway.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.pipelinesgateway.redis.RedisConnections;
import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coordination in Redis, shared by every replica:
 * <ul>
 *   <li>the lease: {@code <prefix>watch:lease:<ws>/<repo>}, taken with SET NX PX and renewed (or released) only by
 *       its owner, checked in a script so that a replica never extends or deletes a lease another has taken;</li>
 *   <li>interests: a sorted set per repository, each member scored with its expiry, refreshed by the replicas whose
 *       subscribers hold it, so that one a replica stopped declaring (or that died with it) goes away by itself;</li>
 *   <li>the watcher's memory: a JSON value that expires when no one has polled for a while;</li>
 *   <li>the budget: a sliding one-minute log of calls per workspace, checked and counted in one script.</li>
 * </ul>
 * Times come from Redis's own clock ({@code TIME}), so replicas with skewed clocks still agree. Every operation goes
 * through {@link RedisConnections}: one that Redis does not answer in time fails, and so, at once, do those after it
 * until Redis answers again, which is when {@link FallbackCoordination} works in this process.
 */
class RedisCoordination implements Coordination {

    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0""";

    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""";

    private static final String DECLARE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local ttl = tonumber(ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            for i = 2, #ARGV do
              redis.call('ZADD', KEYS[1], now + ttl, ARGV[i])
            end
            redis.call('PEXPIRE', KEYS[1], ttl * 2)
            return 1""";

    private static final String INTERESTS = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            return redis.call('ZRANGEBYSCORE', KEYS[1], now, '+inf')""";

    private static final String RESERVE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local limit = tonumber(ARGV[1])
            local window = 60000
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) < limit then
              redis.call('ZADD', KEYS[1], now, ARGV[2])
              redis.call('PEXPIRE', KEYS[1], window)
              return 0
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now)""";

    private final RedisConnections redis;
    private final String prefix;
    private final ObjectWriter stateWriter;
    private final ObjectReader stateReader;
    private final String callIds = UUID.randomUUID().toString();
    private final AtomicLong callCounter = new AtomicLong();

    RedisCoordination(RedisConnections redis, String keyPrefix, JsonMapper json) {
        this.redis = redis;
        this.prefix = keyPrefix + "watch:";
        this.stateWriter = json.writerFor(WatchState.class);
        this.stateReader = json.readerFor(WatchState.class);
    }

    @Override
    public Mono<Boolean> acquire(RepositoryKey repository, String owner, Duration ttl) {
        String key = key("lease:", repository);
        return redis.textInBackground(commands -> commands.set(key, owner, SetArgs.Builder.nx().px(ttl.toMillis())))
                .map("OK"::equals)
                .defaultIfEmpty(false)
                // Already ours (a renewal that came late, or a restart of the watch): keep it.
                .flatMap(taken -> taken ? Mono.just(true) : renew(repository, owner, ttl));
    }

    @Override
    public Mono<Boolean> renew(RepositoryKey repository, String owner, Duration ttl) {
        String key = key("lease:", repository);
        return redis.textInBackground(commands -> commands.<Long>eval(RENEW, ScriptOutputType.INTEGER, keys(key),
                        owner, String.valueOf(ttl.toMillis())).next())
                .map(result -> result == 1L)
                .defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> release(RepositoryKey repository, String owner) {
        String key = key("lease:", repository);
        return redis.textInBackground(commands -> commands.<Long>eval(RELEASE, ScriptOutputType.INTEGER, keys(key),
                owner).then());
    }

    @Override
    public Mono<Void> declare(RepositoryKey repository, Collection<String> interests, Duration ttl) {
        if (interests.isEmpty()) {
            return Mono.empty();
        }
        List<String> arguments = new ArrayList<>();
        arguments.add(String.valueOf(ttl.toMillis()));
        arguments.addAll(interests);
        String key = key("interest:", repository);
        return redis.textInBackground(commands -> commands.<Long>eval(DECLARE, ScriptOutputType.INTEGER, keys(key),
                arguments.toArray(String[]::new)).then());
    }

    @Override
    public Mono<Set<String>> interests(RepositoryKey repository) {
        String key = key("interest:", repository);
        return redis.textInBackground(commands -> commands.<List<Object>>eval(INTERESTS, ScriptOutputType.MULTI,
                        keys(key)).next())
                .map(members -> members.stream().map(String::valueOf).collect(
                        java.util.stream.Collectors.toUnmodifiableSet()))
                .defaultIfEmpty(Set.of());
    }

    @Override
    public Mono<WatchState> loadState(RepositoryKey repository) {
        return redis.textInBackground(commands -> commands.get(key("state:", repository)))
                .map(json -> stateReader.<WatchState>readValue(json));
    }

    @Override
    public Mono<Void> saveState(RepositoryKey repository, WatchState state, Duration ttl) {
        return Mono.fromCallable(() -> stateWriter.writeValueAsString(state))
                .flatMap(json -> redis.textInBackground(commands -> commands.set(key("state:", repository), json,
                        SetArgs.Builder.px(ttl.toMillis()))))
                .then();
    }

    @Override
    public Mono<Duration> reserveCall(String workspace, int perMinute) {
        String key = prefix + "budget:" + workspace;
        String member = callIds + ":" + callCounter.incrementAndGet();
        return redis.textInBackground(commands -> commands.<Long>eval(RESERVE, ScriptOutputType.INTEGER, keys(key),
                        String.valueOf(perMinute), member).next())
                .map(Duration::ofMillis);
    }

    private static String[] keys(String key) {
        return new String[] {key};
    }

    private String key(String kind, RepositoryKey repository) {
        return prefix + kind + repository.workspace() + "/" + repository.slug();
    }

    @Override
    public String kind() {
        return "redis";
    }
}
