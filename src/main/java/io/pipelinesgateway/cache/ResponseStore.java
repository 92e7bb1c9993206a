package io.pipelinesgateway.cache;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where cached upstream responses live: Redis when configured, shared by every replica, or the process's own memory.
 * Keys group into indexes (a repository's or a workspace's entries) so a change can evict what it touched.
 */
public interface ResponseStore {

    /** The stored value, or empty. */
    Mono<byte[]> get(String key);

    /** Stores a value for {@code ttl} and records its key in {@code index}. */
    Mono<Void> put(String key, String index, byte[] value, Duration ttl);

    /**
     * Stores one value under each of {@code keys} (a reader's own entry and the repository's shared one) for
     * {@code ttl}, and records them in {@code index}: where the store can, with one update of the index.
     */
    default Mono<Void> put(List<String> keys, String index, byte[] value, Duration ttl) {
        return Flux.fromIterable(keys).concatMap(key -> put(key, index, value, ttl)).then();
    }

    /** Removes every entry of {@code index} whose key starts with {@code keyPrefix}. */
    Mono<Void> evict(String index, String keyPrefix);

    /** Takes a short lock so one replica, not every one, makes an upstream call; true when taken. */
    Mono<Boolean> lock(String key, Duration ttl);

    /** Releases a lock taken with {@link #lock}. */
    Mono<Void> unlock(String key);

    /** Checks that the store answers. */
    Mono<Void> ping();

    /** "redis" or "in-process", for health details. */
    String kind();
}
