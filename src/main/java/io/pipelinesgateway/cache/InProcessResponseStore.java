package io.pipelinesgateway.cache;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

/**
 * The cache when no Redis is configured: Caffeine, bounded, each entry with its own time to live. Locks are not
 * needed in one process (single flight there is in-memory), so {@link #lock} always succeeds.
 */
class InProcessResponseStore implements ResponseStore {

    private record Entry(byte[] value, long ttlNanos) {
    }

    private final Cache<String, Entry> entries;

    InProcessResponseStore(long maxEntries) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
                        return entry.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    @Override
    public Mono<byte[]> get(String key) {
        return Mono.justOrEmpty(entries.getIfPresent(key)).map(Entry::value);
    }

    @Override
    public Mono<Void> put(String key, String index, byte[] value, Duration ttl) {
        return Mono.fromRunnable(() -> entries.put(key, new Entry(value, ttl.toNanos())));
    }

    @Override
    public Mono<Void> evict(String index, String keyPrefix) {
        return Mono.fromRunnable(() -> entries.asMap().keySet().removeIf(key -> key.startsWith(keyPrefix)));
    }

    @Override
    public Mono<Boolean> lock(String key, Duration ttl) {
        return Mono.just(true);
    }

    @Override
    public Mono<Void> unlock(String key) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> ping() {
        return Mono.empty();
    }

    @Override
    public String kind() {
        return "in-process";
    }
}
