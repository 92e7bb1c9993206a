package io.pipelinesgateway.watch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.publisher.Mono;

/**
 * Coordination within one process, when there is no Redis: the same rules as {@link RedisCoordination}, kept in
 * memory.
 */
class LocalCoordination implements Coordination {

    private record Lease(String owner, long expiresAt) {
    }

    private record Saved(WatchState state, long expiresAt) {
    }

    private final Clock clock;
    private final Map<RepositoryKey, Lease> leases = new HashMap<>();
    private final Map<RepositoryKey, Map<String, Long>> interests = new HashMap<>();
    private final Map<RepositoryKey, Saved> states = new HashMap<>();
    private final Map<String, Deque<Long>> calls = new HashMap<>();

    LocalCoordination(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Mono<Boolean> acquire(RepositoryKey repository, String owner, Duration ttl) {
        long now = clock.millis();
        Lease lease = leases.get(repository);
        if (lease == null || lease.expiresAt() <= now || lease.owner().equals(owner)) {
            leases.put(repository, new Lease(owner, now + ttl.toMillis()));
            return Mono.just(true);
        }
        return Mono.just(false);
    }

    @Override
    public synchronized Mono<Boolean> renew(RepositoryKey repository, String owner, Duration ttl) {
        long now = clock.millis();
        Lease lease = leases.get(repository);
        if (lease != null && lease.owner().equals(owner) && lease.expiresAt() > now) {
            leases.put(repository, new Lease(owner, now + ttl.toMillis()));
            return Mono.just(true);
        }
        return Mono.just(false);
    }

    @Override
    public synchronized Mono<Void> release(RepositoryKey repository, String owner) {
        Lease lease = leases.get(repository);
        if (lease != null && lease.owner().equals(owner)) {
            leases.remove(repository);
        }
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Void> declare(RepositoryKey repository, Collection<String> declared, Duration ttl) {
        long expiresAt = clock.millis() + ttl.toMillis();
        Map<String, Long> current = interests.computeIfAbsent(repository, absent -> new HashMap<>());
        declared.forEach(interest -> current.put(interest, expiresAt));
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Set<String>> interests(RepositoryKey repository) {
        long now = clock.millis();
        Map<String, Long> current = interests.getOrDefault(repository, Map.of());
        current.values().removeIf(expiresAt -> expiresAt <= now);
        return Mono.just(current.keySet().stream().collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public synchronized Mono<WatchState> loadState(RepositoryKey repository) {
        Saved saved = states.get(repository);
        return saved == null || saved.expiresAt() <= clock.millis() ? Mono.empty() : Mono.just(saved.state());
    }

    @Override
    public synchronized Mono<Void> saveState(RepositoryKey repository, WatchState state, Duration ttl) {
        states.put(repository, new Saved(state, clock.millis() + ttl.toMillis()));
        return Mono.empty();
    }

    @Override
    public synchronized Mono<Duration> reserveCall(String workspace, int perMinute) {
        long now = clock.millis();
        long window = Duration.ofMinutes(1).toMillis();
        Deque<Long> made = calls.computeIfAbsent(workspace, absent -> new ArrayDeque<>());
        while (!made.isEmpty() && made.peekFirst() <= now - window) {
            made.pollFirst();
        }
        if (made.size() < perMinute) {
            made.addLast(now);
            return Mono.just(Duration.ZERO);
        }
        return Mono.just(Duration.ofMillis(Math.max(1, made.peekFirst() + window - now)));
    }

    @Override
    public String kind() {
        return "in-process";
    }
}
