package io.pipelinesgateway.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

/**
 * Where cached upstream responses live: Redis when configured, shared by every replica, or the process's own memory.
 * Keys group into indexes (a repository's or a workspace's entries) so a change can evict what it touched. A cold
 * read asks the store several things in a row, so each step that needs several commands is one call here, which
 * Redis answers in one round trip.
 */
public interface ResponseStore {

    /** The stored value, or empty. */
    Mono<byte[]> get(String key);

    /** The stored values of {@code keys}, in their order, each empty when absent. */
    Mono<List<Optional<byte[]>>> getAll(List<String> keys);

    /** Stores a value for {@code ttl} and records its key in {@code index}. */
    default Mono<Void> put(String key, String index, byte[] value, Duration ttl) {
        return write(new Write(List.of(key), index, value, ttl, null, null));
    }

    /**
     * Stores {@link Write#value} under each of its keys, records them in its index with one update, and releases its
     * lock, if any; the last key only while {@link Write#lastKeyNeeds} exists, when one is named (a proof of access).
     */
    Mono<Void> write(Write write);

    /**
     * What to store in one {@link #write}.
     *
     * @param keys         the entries that get the value (a reader's own, and the repository's shared one)
     * @param index        where they are recorded, for evictions
     * @param value        the bytes
     * @param ttl          how long they are kept
     * @param lock         a lock taken with {@link #readOrLock}, released once they are stored; null for none
     * @param lastKeyNeeds an entry without which the last key is not written; null when it always is
     */
    record Write(List<String> keys, String index, byte[] value, Duration ttl, String lock, String lastKeyNeeds) {
    }

    /** Removes every entry of {@code index} whose key starts with {@code keyPrefix}. */
    Mono<Void> evict(String index, String keyPrefix);

    /**
     * The value stored under {@code key}; or, when there is none, the short lock {@code lock} taken so that one
     * replica, not every one, makes the upstream call that fills it; or neither when another holds that lock.
     */
    Mono<Claim> readOrLock(String key, String lock, Duration ttl);

    /** What {@link #readOrLock} found: the stored value (null for none), and whether the lock was taken. */
    record Claim(byte[] stored, boolean locked) {

        /** No value, and the lock is this caller's. */
        public static final Claim TAKEN = new Claim(null, true);
        /** No value, and another caller holds the lock. */
        public static final Claim HELD_ELSEWHERE = new Claim(null, false);
    }

    /** Releases a lock taken with {@link #readOrLock}. */
    Mono<Void> unlock(String key);

    /** Checks that the store answers. */
    Mono<Void> ping();

    /** "redis" or "in-process", for health details. */
    String kind();
}
