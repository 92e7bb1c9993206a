package io.pipelinesgateway.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

/**
 * The cache when no Redis is configured: Caffeine, bounded, each entry with its own time to live. Locks are not
 * needed in one process (single flight there is in-memory), so {@link #readOrLock} always takes one.
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
    public Mono<List<Optional<byte[]>>> getAll(List<String> keys) {
        return Mono.fromSupplier(() -> keys.stream()
                .map(key -> Optional.ofNullable(entries.getIfPresent(key)).map(Entry::value))
                .toList());
    }

    @Override
    public Mono<Void> write(Write write) {
        return Mono.fromRunnable(() -> {
            List<String> keys = write.keys();
            int last = keys.size() - 1;
            for (int i = 0; i <= last; i++) {
                if (i < last || write.lastKeyNeeds() == null || entries.getIfPresent(write.lastKeyNeeds()) != null) {
                    entries.put(keys.get(i), new Entry(write.value(), write.ttl().toNanos()));
                }
            }
        });
    }

    @Override
    public Mono<Void> evict(String index, String keyPrefix) {
        return Mono.fromRunnable(() -> entries.asMap().keySet().removeIf(key -> key.startsWith(keyPrefix)));
    }

    @Override
    public Mono<Claim> readOrLock(String key, String lock, Duration ttl) {
        return Mono.fromSupplier(() -> {
            Entry entry = entries.getIfPresent(key);
            return entry == null ? Claim.TAKEN : new Claim(entry.value(), false);
        });
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
