package io.pipelinesgateway.watch;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.pipelinesgateway.events.RedisFallback;
import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.publisher.Mono;

/**
 * Coordination when Redis is configured: in Redis while it answers, in this process while it does not
 * ({@link RedisFallback}), so that through an outage each replica's watchers go on polling what its own subscribers
 * need (several replicas may then poll one repository, each within the budget on its own) instead of stopping.
 * <p>
 * So that the switch loses nothing, this process keeps a copy of what matters: the leases this replica holds in
 * Redis (a watcher polling when Redis goes away keeps its lease, and its memory, here), the watcher's memory after
 * each poll, and, on a replica whose subscribers another replica's watcher serves, that watcher's memory as Redis
 * has it at each lease round, so that taking over during an outage goes on from there and reports what changed
 * since (at worst a change twice) rather than start from nothing. When Redis is back, a lease kept here is taken
 * back in Redis if no other replica has taken it meanwhile; otherwise the watcher stops and the other's serves.
 */
class FallbackCoordination implements Coordination {

    private final Coordination redis;
    private final Coordination local;
    private final RedisFallback fallback;
    private final Duration stateTtl;
    /** Repositories whose lease this replica renewed in process during an outage. */
    private final Set<RepositoryKey> keptHere = ConcurrentHashMap.newKeySet();

    FallbackCoordination(Coordination redis, Coordination local, RedisFallback fallback, Duration stateTtl) {
        this.redis = redis;
        this.local = local;
        this.fallback = fallback;
        this.stateTtl = stateTtl;
    }

    @Override
    public Mono<Boolean> acquire(RepositoryKey repository, String owner, Duration ttl) {
        return either(() -> redis.acquire(repository, owner, ttl).flatMap(taken -> taken
                        ? copyLease(repository, owner, ttl)
                        : copyState(repository).thenReturn(false)),
                () -> keepHere(repository, local.acquire(repository, owner, ttl)));
    }

    @Override
    public Mono<Boolean> renew(RepositoryKey repository, String owner, Duration ttl) {
        return either(() -> redis.renew(repository, owner, ttl).flatMap(held -> {
                    // Kept here through an outage (Redis may have forgotten it, or it expired): take it back if free.
                    boolean kept = keptHere.remove(repository);
                    Mono<Boolean> inRedis = held || !kept ? Mono.just(held) : redis.acquire(repository, owner, ttl);
                    return inRedis.flatMap(still -> still ? copyLease(repository, owner, ttl) : Mono.just(false));
                }),
                () -> keepHere(repository, local.renew(repository, owner, ttl)));
    }

    @Override
    public Mono<Void> release(RepositoryKey repository, String owner) {
        keptHere.remove(repository);
        return either(() -> redis.release(repository, owner), Mono::empty)
                .then(local.release(repository, owner));
    }

    @Override
    public Mono<Void> declare(RepositoryKey repository, Collection<String> interests, Duration ttl) {
        return either(() -> redis.declare(repository, interests, ttl), () -> local.declare(repository, interests, ttl));
    }

    @Override
    public Mono<Set<String>> interests(RepositoryKey repository) {
        return either(() -> redis.interests(repository), () -> local.interests(repository));
    }

    @Override
    public Mono<WatchState> loadState(RepositoryKey repository) {
        // Redis may have restarted empty: this replica's copy is then better than nothing.
        return either(() -> redis.loadState(repository).switchIfEmpty(local.loadState(repository)),
                () -> local.loadState(repository));
    }

    @Override
    public Mono<Void> saveState(RepositoryKey repository, WatchState state, Duration ttl) {
        return local.saveState(repository, state, ttl)
                .then(either(() -> redis.saveState(repository, state, ttl), Mono::empty));
    }

    @Override
    public Mono<Duration> reserveCall(String workspace, int perMinute) {
        return either(() -> redis.reserveCall(workspace, perMinute), () -> local.reserveCall(workspace, perMinute));
    }

    @Override
    public String kind() {
        return fallback.active() ? local.kind() : redis.kind();
    }

    /** In Redis unless fallen back; a failure there falls back, and the call is made in process instead. */
    private <T> Mono<T> either(Supplier<Mono<T>> inRedis, Supplier<Mono<T>> inProcess) {
        return Mono.defer(() -> fallback.active()
                ? inProcess.get()
                : inRedis.get().onErrorResume(failure -> {
                    fallback.enter(failure);
                    return inProcess.get();
                }));
    }

    private Mono<Boolean> keepHere(RepositoryKey repository, Mono<Boolean> held) {
        return held.doOnNext(kept -> {
            if (kept) {
                keptHere.add(repository);
            }
        });
    }

    /** A lease held in Redis is held here too, so that an outage finds it held. */
    private Mono<Boolean> copyLease(RepositoryKey repository, String owner, Duration ttl) {
        return local.acquire(repository, owner, ttl).thenReturn(true);
    }

    private Mono<Void> copyState(RepositoryKey repository) {
        return redis.loadState(repository).flatMap(state -> local.saveState(repository, state, stateTtl));
    }
}
