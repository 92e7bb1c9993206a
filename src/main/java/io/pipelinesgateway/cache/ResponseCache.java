package io.pipelinesgateway.cache;

import io.pipelinesgateway.cache.ResponseStore.Claim;
import io.pipelinesgateway.cache.ResponseStore.Write;
import io.pipelinesgateway.redis.RedisConnections;
import io.pipelinesgateway.redis.RedisSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Cache-through for upstream reads: a read is answered from the store when it can be, and otherwise made once, not
 * once per asker: identical reads in flight in this process share one upstream call, and across replicas a short
 * lock in Redis makes the others wait for the first one's answer; so do readers of a shared entry (below).
 * <p>
 * Entries are scoped to the credential that fetched them, so no caller is served data its credential did not fetch,
 * with one exception: what is read below a repository's {@code pipelines/}, which is the same for every reader of that
 * repository (completed pipeline data, and live data: listing pages, unfinished pipelines and their steps, each with
 * its own time), is also kept once per repository (the shared tier, {@code gateway.cache.shared}) and served to a
 * caller whose own credential has proven read access to that repository within
 * {@code gateway.cache.shared-access-window}, and that its token may read pipelines at all (a read below any
 * repository's {@code pipelines/} within {@code gateway.cache.shared-scope-window}), counted as
 * {@code result=shared-hit}. A caller without such proof (none yet, or a 401, 403 or 404 since) never gets it.
 * Shared entries are keyed as one more scope of the same path, so
 * every eviction that drops a path for every credential drops the shared entry too.
 * <p>
 * Live data's time adapts to its stability ({@link Freshness}): when an answer is fetched again and its content is
 * unchanged, it is kept twice as long as the last time, up to its bound; a change starts it again at the base time.
 * What was last seen (a digest and the time given) is kept in the store beside the entry, so every replica follows
 * the same rules, and an eviction forgets it with the entry.
 * <p>
 * The store is never allowed to fail a read: when it is slow or down, reads go upstream.
 */
@Component
public class ResponseCache {

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final byte[] PROVEN = {1};
    /** The scope of the shared tier's entries, beside the credentials' (a keyed hash, which is never this word). */
    private static final String SHARED_SCOPE = "@shared";
    /** Follows an entry's key to name what was last fetched for it: its digest and the time it was given. */
    private static final String STABILITY = "#stable";
    /** Follows an entry's key to name the lock of the replica that fetches it. */
    private static final String LOCK = "#lock";
    /** How many times an adaptive entry's bound its stability is remembered after the last fetch. */
    private static final int STABILITY_MEMORY = 4;
    /** For a read made again within a read, whose saving the first one counts. */
    private static final Runnable NOTHING_SAVED = () -> { };

    private final ResponseStore store;
    private final ResponseCacheProperties properties;
    /** Begins every key, so gateways (or tests) that share a Redis keep apart. */
    private final String keyPrefix;
    /** Names the credential that fetched an entry, without holding it. */
    private final KeyedHash scope;
    private final MeterRegistry meterRegistry;
    private final Map<String, Mono<Object>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /**
     * Values already decoded, as {@link Weighed} or {@link Recent}: the warm path of a dashboard is hundreds of reads,
     * and decoding each again every time would be most of its cost.
     */
    private final Cache<String, Object> decoded;
    /**
     * The proofs of access this process has written within the last fifth of the access window: a cold dashboard
     * reads each repository hundreds of times, each read a proof, and writing each again was about a tenth of the
     * commands a cold view sent to Redis. A proof so stands for at least four fifths of the window after the latest
     * read.
     */
    private final Cache<String, Boolean> provenLately;

    ResponseCache(ResponseStore store, ResponseCacheProperties properties, RedisSettings redis,
            MeterRegistry meterRegistry) {
        this.store = store;
        this.properties = properties;
        this.keyPrefix = redis.keyPrefix();
        this.scope = new KeyedHash(properties.keySecret());
        this.meterRegistry = meterRegistry;
        this.decoded = Caffeine.newBuilder()
                .maximumWeight(properties.decodedBytes())
                .<String, Object>weigher((key, value) -> value instanceof Weighed weighed ? weighed.bytes()
                        : value instanceof Recent recent ? Math.max(1, recent.bytes().length) : 1)
                .expireAfter(Expiry.<String, Object>writing((key, value) -> value instanceof Recent recent
                        ? recent.timeToLive() : properties.completed()))
                .build();
        this.provenLately = Caffeine.newBuilder()
                .maximumSize(properties.maxEntries())
                .expireAfterWrite(properties.proofRenewalInterval())
                .build();
    }

    /**
     * A value that never changes (kept for {@code gateway.cache.completed}) and the size of the bytes it came from,
     * which stands in for its weight in memory. It is served without asking the store: only immutable values are
     * kept so, so this process's copy can never disagree with the shared store.
     */
    private record Weighed(Object value, int bytes) {
    }

    /**
     * A value that may change (a list, a running pipeline) and the bytes it was decoded from. The store is still
     * asked on every read, so an eviction or a newer answer elsewhere is seen at once; only when it answers these
     * very bytes is the value reused instead of decoded again.
     */
    private record Recent(Object value, byte[] bytes, Duration timeToLive) {
    }

    /**
     * Reads through the cache.
     *
     * @param resource      the kind of resource, for metrics
     * @param path          the upstream path (no query), which decides the entry's eviction group
     * @param variant       what else tells this read apart: the query, a Range
     * @param authorization the caller's credential, or null
     * @param repository    the repository whose pipelines the read concerns ({@code workspace/slug}), whose readers
     *                      share its final answers; null for a read that is never shared
     * @param fetch         the upstream call, made only on a miss
     * @param decode        turns stored bytes into the value
     * @param freshness     how long a value may be kept (zero for not at all), and how far that grows while it stays
     *                      unchanged
     * @param saved         run once the read is answered without a call of its own: from the cache, or by another
     *                      read's call it joined; never for a read that called, failed or found nothing
     */
    public <T> Mono<T> read(String resource, String path, String variant, String authorization, String repository,
            Mono<byte[]> fetch, Function<byte[], T> decode, Function<T, Freshness> freshness, Runnable saved) {
        if (!properties.enabled()) {
            return fetch.map(decode);
        }
        String credential = credentialOf(authorization);
        String key = ownKey(path, variant, credential);
        Object near = decoded.getIfPresent(key);
        if (near instanceof Weighed weighed) {
            count(resource, "hit");
            saved.run();
            @SuppressWarnings("unchecked")
            T value = (T) weighed.value();
            return Mono.just(value);
        }
        return guarded(store.get(key))
                .map(bytes -> {
                    count(resource, "hit");
                    T value;
                    if (near instanceof Recent recent && Arrays.equals(recent.bytes(), bytes)) {
                        @SuppressWarnings("unchecked")
                        T kept = (T) recent.value();
                        value = kept;
                    }
                    else {
                        value = decode.apply(bytes);
                        keepDecoded(key, value, bytes, freshness.apply(value).stableMax());
                    }
                    saved.run();
                    return value;
                })
                .switchIfEmpty(Mono.defer(() -> {
                    // A miss may still be answered without this read's call (the shared tier, another read's call):
                    // the only reads whose saving is not known at once, so the only ones that pay to learn it.
                    AtomicBoolean called = new AtomicBoolean();
                    return missed(resource, path, variant, authorization, repository, credential, key,
                            Mono.defer(() -> {
                                called.set(true);
                                return fetch;
                            }), decode, freshness)
                            .doOnSuccess(answered -> {
                                if (answered != null && !called.get()) {
                                    saved.run();
                                }
                            });
                }));
    }

    /** A read the credential's own entry did not answer: the shared tier's, or a call. */
    private <T> Mono<T> missed(String resource, String path, String variant, String authorization, String repository,
            String credential, String key, Mono<byte[]> fetch, Function<byte[], T> decode,
            Function<T, Freshness> freshness) {
        // Named only when the credential's own entry is missing: a hit, most reads of a warm dashboard,
        // needs no shared tier.
        Shared shared = properties.shared() && authorization != null && repository != null
                ? new Shared(keyPrefix + "r:" + path + variant + SHARED_SCOPE,
                        accessKey(credential, repository), scopeKey(credential), indexOf(path))
                : null;
        Supplier<Mono<T>> own = () -> {
            count(resource, "miss");
            return singleFlight(key, () -> lockedLoad(key, indexOf(path), shared, fetch, decode,
                    freshness));
        };
        if (shared == null) {
            return own.get();
        }
        Function<byte[], Mono<T>> sharedCopy = bytes -> fromSharedTier(resource, key, shared, bytes,
                decode, freshness);
        SharedMiss<T> miss = new SharedMiss<>(sharedCopy, own, lock -> {
            count(resource, "miss");
            AtomicBoolean leads = new AtomicBoolean();
            Mono<T> flight = singleFlight(key, () -> {
                leads.set(true);
                return fetchAndStore(key, shared.index(), shared, lock, fetch, decode, freshness);
            });
            // Joined another read of this caller's: the lock this one took is still to release.
            return leads.get() ? flight : flight.flatMap(value -> release(lock).thenReturn(value))
                    .onErrorResume(error -> release(lock).then(Mono.error(error)));
        });
        // The proofs and the shared copy in one round trip.
        return guarded(store.getAll(List.of(shared.access(), shared.scope(), shared.key())))
                .filter(found -> found.get(0).isPresent())
                .flatMap(proven -> proven.get(1).isEmpty()
                        ? provingThePipelinesScope(shared, own, () -> read(resource, path, variant,
                                authorization, repository, fetch, decode, freshness, NOTHING_SAVED))
                        : proven.get(2).map(sharedCopy)
                                .orElseGet(() -> withTheRepositorysReaders(shared, miss)))
                .switchIfEmpty(Mono.defer(own::get));
    }

    /**
     * Where a read's final answer is kept for every reader of its repository ({@code key}), the entry that proves
     * this caller's access to the repository ({@code access}), and the one that proves its token may read pipelines
     * at all ({@code scope}).
     */
    private record Shared(String key, String access, String scope, String index) {
    }

    /**
     * The read of a caller who may read the repository but has not shown that its token may read pipelines: Bitbucket
     * grants a repository's listing to a token with the repository scope alone and refuses such a token everything
     * below {@code pipelines/} (403). The first such read of the credential is its own call, whose answer proves the
     * scope (or whose 403 refuses it); its other reads wait for that one and are then read again, from the shared
     * tier once the scope is proven. A credential so pays one call for its scope, not one for each read of a cold
     * view that comes while its first is under way.
     */
    private <T> Mono<T> provingThePipelinesScope(Shared shared, Supplier<Mono<T>> own, Supplier<Mono<T>> again) {
        AtomicBoolean leads = new AtomicBoolean();
        Mono<T> first = singleFlight(shared.scope(), () -> {
            leads.set(true);
            return Mono.defer(own);
        });
        return leads.get() ? first : first.onErrorResume(firstFailed -> Mono.empty()).then(Mono.defer(again));
    }

    /**
     * The read of a caller who has proven access to the repository and found no shared copy: when another such
     * reader of the repository is making this very call in this process, its answer, as the shared tier would hold it
     * a moment later; otherwise this caller's own call, which such readers arriving meanwhile wait for, unless a
     * reader on another replica is making it ({@link #acrossReplicas}). Viewers who open a portal at the same moment
     * then pay its cold calls once, not once each, whichever replica serves them. A joined call that fails (the other
     * reader's credential refused, say) is made again with this caller's own: no one is told another's error.
     */
    private <T> Mono<T> withTheRepositorysReaders(Shared shared, SharedMiss<T> miss) {
        AtomicBoolean leads = new AtomicBoolean();
        // Deferred: the own call takes its own single flight, which must not be entered while this one is.
        Mono<T> flight = singleFlight(shared.key(), () -> {
            leads.set(true);
            return Mono.defer(() -> acrossReplicas(shared, miss));
        });
        return leads.get() ? flight : flight.onErrorResume(othersFailure -> miss.own().get());
    }

    /**
     * How a proven reader's miss of the shared tier can be answered: the shared copy, from bytes the store gave; this
     * caller's own call under the lock of its own entry, as any read makes it; or its own call while this process
     * holds the shared entry's lock (named), which already makes every other replica's reader of the entry wait, so
     * no lock of its own, and which the call releases as it stores its answer.
     */
    private record SharedMiss<T>(Function<byte[], Mono<T>> sharedCopy, Supplier<Mono<T>> own,
            Function<String, Mono<T>> ownUnderSharedLock) {
    }

    /**
     * The call of this process's leading reader of a shared entry, under a short lock on it in the store, which is all
     * the locking the call needs: a reader of the entry on another replica, whatever its credential, waits for it.
     * When a reader on another replica holds that lock, the answer it stores in the shared tier, as soon as it is
     * there; when it lets the lock go without one (its call failed, or the answer is not kept), or none comes within
     * {@code gateway.cache.lock-timeout}, this caller's own call. In one process the lock is always free.
     */
    private <T> Mono<T> acrossReplicas(Shared shared, SharedMiss<T> miss) {
        String lock = shared.key() + LOCK;
        // Without an answer from the store, as in one process: the call is made, under no lock.
        return guarded(store.readOrLock(shared.key(), lock, properties.lockTimeout())).defaultIfEmpty(Claim.TAKEN)
                .flatMap(claim -> {
                    if (claim.stored() != null) {
                        // A replica that finished a moment ago has stored it.
                        return miss.sharedCopy().apply(claim.stored());
                    }
                    if (claim.locked()) {
                        return miss.ownUnderSharedLock().apply(lock);
                    }
                    return awaitOther(shared.key(), lock, System.nanoTime() + properties.lockTimeout().toNanos())
                            .flatMap(miss.sharedCopy())
                            .switchIfEmpty(Mono.defer(miss.own()));
                });
    }

    /**
     * The repository's shared copy ({@code bytes}, as the store gave them), for a caller whose credential has proven
     * access to the repository (checked before). A final one is then kept under the caller's own credential too, like
     * an answer it fetched, so its next reads are plain hits; live data is asked of the shared tier at each read, so
     * the readers see its newest answer, and its end.
     */
    private <T> Mono<T> fromSharedTier(String resource, String key, Shared shared, byte[] bytes,
            Function<byte[], T> decode, Function<T, Freshness> freshness) {
        count(resource, "shared-hit");
        @SuppressWarnings("unchecked")
        T value = decoded.getIfPresent(shared.key()) instanceof Recent recent && Arrays.equals(recent.bytes(), bytes)
                ? (T) recent.value() : decode.apply(bytes);
        Freshness kept = freshness.apply(value);
        if (!isFinal(kept.base())) {
            keepDecoded(shared.key(), value, bytes, kept.stableMax());
            return Mono.just(value);
        }
        keepDecoded(key, value, bytes, properties.completed());
        return guarded(store.put(key, shared.index(), bytes, properties.completed())).thenReturn(value);
    }

    /**
     * Whether the store holds, fresh, the answer {@code authorization}'s own credential fetched for a read
     * ({@code path} and {@code variant} as {@link #read} has them), without reading or fetching it: never what the
     * shared tier holds, which another reader fetched. A live answer (a listing page) in a credential's scope is
     * always one it fetched itself: the shared tier copies only final answers into a reader's scope. False when the
     * cache is off or the store does not answer.
     */
    public Mono<Boolean> holdsOwn(String path, String variant, String authorization) {
        if (!properties.enabled()) {
            return Mono.just(false);
        }
        return guarded(store.get(ownKey(path, variant, credentialOf(authorization)))).hasElement();
    }

    /** What names {@code authorization} in keys: a keyed hash of it, never it. */
    private String credentialOf(String authorization) {
        return authorization == null ? "anonymous" : scope.of(authorization);
    }

    /** The key of the answer to a read that {@code credential} fetched itself. */
    private String ownKey(String path, String variant, String credential) {
        return keyPrefix + "r:" + path + variant + "@" + credential;
    }

    /**
     * Records that {@code authorization} has just read {@code repository} successfully, by an answer that names the
     * repository's UUID ({@code repositoryUuid}, read only when the proof is written; null where the answer does not
     * name it): for the access window, it may be served what other readers of the repository fetched. A proof this
     * process wrote within the last fifth of the window is not written again ({@link #provenLately}).
     * <p>
     * A repository's path (workspace and slug) can name another repository later, one created under a slug a renamed,
     * moved or deleted one had: when the UUID differs from the one the path last named, everything kept of the path
     * (its entries, shared or not, and every credential's proof of access to it) is dropped before this proof is
     * written, so no reader of the new repository is served what the old one held, and no reader of the old one what
     * the new one holds.
     */
    public Mono<Void> accessProven(String authorization, String repository, Supplier<String> repositoryUuid) {
        if (!properties.enabled() || !properties.shared()) {
            return Mono.empty();
        }
        String access = accessKey(scope.of(authorization), repository);
        if (provenLately.asMap().putIfAbsent(access, Boolean.TRUE) != null) {
            return Mono.empty();
        }
        String uuid = repositoryUuid.get();
        return (uuid == null ? Mono.<Void>empty() : sameRepository(repository, uuid))
                .then(guarded(store.put(access, indexOf("/repositories/" + repository), PROVEN,
                        properties.sharedAccessWindow())));
    }

    /**
     * Records that {@code repository}'s path names the repository {@code uuid}, first dropping what is kept of the
     * path when it named another one ({@link #accessProven}). Kept as long as a completed
     * entry, so it outlives every entry it guards.
     */
    private Mono<Void> sameRepository(String repository, String uuid) {
        String path = "/repositories/" + repository;
        String named = keyPrefix + "g:" + repository;
        byte[] bytes = uuid.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return guarded(store.get(named))
                .filter(last -> !Arrays.equals(last, bytes))
                .flatMap(another -> {
                    log.info("Repository {} now names another repository than before: what was kept of it is "
                            + "dropped", repository);
                    String proofs = accessKey("", repository);
                    provenLately.asMap().keySet().removeIf(key -> key.startsWith(proofs));
                    return evictItem(path).then(guarded(store.evict(indexOf(path), proofs)));
                })
                .then(guarded(store.put(named, indexOf(path), bytes, properties.completed())));
    }

    /**
     * Whether {@code authorization} has proven its access to {@code repository} within the access window, as the shared
     * tier asks before serving a shared entry (which also asks that the token may read pipelines): false when the
     * shared tier is off, or the store does not answer.
     */
    public Mono<Boolean> accessProvenWithinWindow(String authorization, String repository) {
        if (!properties.enabled() || !properties.shared()) {
            return Mono.just(false);
        }
        return guarded(store.get(accessKey(scope.of(authorization), repository))).hasElement();
    }

    /**
     * Records that {@code authorization} has just read below a repository's {@code pipelines/}: its token has
     * Bitbucket's scope to read pipelines ({@code read:pipeline:bitbucket}), which a token keeps as long as it lives,
     * so the proof lasts {@code gateway.cache.shared-scope-window} unless a 401 or 403 ends it.
     */
    public Mono<Void> pipelinesScopeProven(String authorization) {
        if (!properties.enabled() || !properties.shared()) {
            return Mono.empty();
        }
        String credential = scope.of(authorization);
        String proof = scopeKey(credential);
        if (provenLately.asMap().putIfAbsent(proof, Boolean.TRUE) != null) {
            return Mono.empty();
        }
        return guarded(store.put(proof, scopeIndex(credential), PROVEN, properties.sharedScopeWindow()));
    }

    /** Ends {@code authorization}'s proof that it may read pipelines: Bitbucket has just refused it (401, 403). */
    public Mono<Void> pipelinesScopeLost(String authorization) {
        if (!properties.enabled() || !properties.shared()) {
            return Mono.empty();
        }
        String credential = scope.of(authorization);
        String proof = scopeKey(credential);
        provenLately.invalidate(proof);
        return guarded(store.evict(scopeIndex(credential), proof));
    }

    private String scopeKey(String credential) {
        return keyPrefix + "s:pipelines@" + credential;
    }

    private String scopeIndex(String credential) {
        return keyPrefix + "i:@" + credential;
    }

    /** Ends {@code authorization}'s proof of access to {@code repository} at once: Bitbucket has just refused it. */
    public Mono<Void> accessLost(String authorization, String repository) {
        if (!properties.enabled() || !properties.shared()) {
            return Mono.empty();
        }
        String access = accessKey(scope.of(authorization), repository);
        provenLately.invalidate(access);
        return guarded(store.evict(indexOf("/repositories/" + repository), access));
    }

    private String accessKey(String credential, String repository) {
        return keyPrefix + "a:" + repository + "@" + credential;
    }

    /**
     * Forgets everything cached below the collection that holds {@code changedPath}, for every credential: after a
     * change, no caller is shown the old state. Changing {@code .../variables/{uuid}} forgets the variable and the
     * variables lists; stopping {@code .../pipelines/{uuid}/stopPipeline} forgets the pipeline, its steps and the
     * pipeline lists.
     */
    public Mono<Void> evictAfterChange(String changedPath) {
        String parent = parentCollection(changedPath);
        String below = keyPrefix + "r:" + parent;
        return evict(parent, below, listingOf(below));
    }

    /**
     * Forgets the pages of the listing at {@code listingPath} (a collection, such as a repository's
     * {@code .../pipelines/}), whatever their query, for every credential, and nothing of the items below it: what
     * has completed there stays cached.
     */
    public Mono<Void> evictListing(String listingPath) {
        String collection = listingPath.endsWith("/") ? listingPath : listingPath + "/";
        String below = keyPrefix + "r:" + collection;
        return evict(collection, below + "?", listingOf(below));
    }

    /**
     * Forgets the item at {@code itemPath} (a pipeline) and everything cached below it (its steps and logs), for every
     * credential, and nothing beside it.
     */
    public Mono<Void> evictItem(String itemPath) {
        String item = keyPrefix + "r:" + itemPath;
        return evict(itemPath, item + "@", item + "/");
    }

    /**
     * The prefix of a listing's pages kept under the collection's bare path followed by the query: some listings are
     * published without the trailing slash (workspace and deployment variables).
     */
    private static String listingOf(String below) {
        return below.substring(0, below.length() - 1) + "?";
    }

    private Mono<Void> evict(String collection, String first, String second) {
        decoded.asMap().keySet().removeIf(key -> key.startsWith(first) || key.startsWith(second));
        return guarded(store.evict(indexOf(collection), first))
                .then(guarded(store.evict(indexOf(collection), second)))
                .then();
    }

    static String parentCollection(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String parent = trimmed.substring(0, Math.max(0, trimmed.lastIndexOf('/')));
        if (trimmed.endsWith("/stopPipeline")) {
            parent = parent.substring(0, Math.max(0, parent.lastIndexOf('/')));
        }
        return parent + "/";
    }

    /** Entries group by repository ({@code /repositories/ws/repo}) or by workspace or account. */
    private String indexOf(String path) {
        String[] segments = path.split("/");
        int depth = segments.length > 1 && segments[1].equals("repositories") ? 4 : 3;
        StringBuilder index = new StringBuilder(keyPrefix).append("i:");
        for (int i = 1; i < Math.min(depth, segments.length); i++) {
            index.append('/').append(segments[i]);
        }
        return index.toString();
    }

    @SuppressWarnings("unchecked")
    private <T> Mono<T> singleFlight(String key, Supplier<Mono<T>> load) {
        return (Mono<T>) inFlight.computeIfAbsent(key, absent -> ((Mono<Object>) load.get())
                .doFinally(signal -> inFlight.remove(key))
                .cache());
    }

    private <T> Mono<T> lockedLoad(String key, String index, Shared shared, Mono<byte[]> fetch,
            Function<byte[], T> decode, Function<T, Freshness> freshness) {
        String lock = key + LOCK;
        return guarded(store.readOrLock(key, lock, properties.lockTimeout())).defaultIfEmpty(Claim.TAKEN)
                .flatMap(claim -> {
                    if (claim.stored() != null) {
                        // A leader that finished a moment ago has stored its answer.
                        return Mono.just(decode.apply(claim.stored()));
                    }
                    if (claim.locked()) {
                        return fetchAndStore(key, index, shared, lock, fetch, decode, freshness);
                    }
                    // Another replica is making this very call: wait for its answer rather than spend another.
                    return awaitOther(key, lock, System.nanoTime() + properties.lockTimeout().toNanos())
                            .map(decode)
                            .switchIfEmpty(Mono.defer(() -> fetchAndStore(key, index, shared, null, fetch, decode,
                                    freshness)));
                });
    }

    /**
     * The answer another replica is fetching for {@code key} under {@code lock}, once it has stored it; empty when that
     * replica lets the lock go without storing one (its call failed, or the answer is not to be kept), or at
     * {@code deadline}.
     */
    private Mono<byte[]> awaitOther(String key, String lock, long deadline) {
        return Mono.delay(POLL_INTERVAL)
                .then(guarded(store.get(key)))
                .switchIfEmpty(Mono.defer(() -> System.nanoTime() >= deadline ? Mono.empty()
                        : guarded(store.get(lock)).hasElement().flatMap(held -> held
                                ? awaitOther(key, lock, deadline)
                                // Let go: stored just before, or not at all.
                                : guarded(store.get(key)))));
    }

    /**
     * The upstream call, and its answer stored as its freshness says; {@code lock} (null: none), taken for the call,
     * is released in every outcome: with the answer's write when it is stored.
     */
    private <T> Mono<T> fetchAndStore(String key, String index, Shared shared, String lock, Mono<byte[]> fetch,
            Function<byte[], T> decode, Function<T, Freshness> freshnessOf) {
        return fetch.flatMap(bytes -> {
            T value = decode.apply(bytes);
            Freshness freshness = freshnessOf.apply(value);
            if (!freshness.cached()) {
                return release(lock).thenReturn(value);
            }
            return timeToLive(shared == null ? key : shared.key(), index, bytes, freshness).flatMap(ttl -> {
                keepDecoded(key, value, bytes, ttl);
                return storeFetched(key, index, shared, lock, bytes, ttl).thenReturn(value);
            });
        }).onErrorResume(error -> release(lock).then(Mono.error(error)));
    }

    private Mono<Void> release(String lock) {
        return lock == null ? Mono.empty() : guarded(store.unlock(lock));
    }

    /**
     * How long to keep an answer just fetched for {@code entryKey}: its base time, or, for live data fetched again
     * with the very content it had the last time ({@link Freshness#compared()} where only part of it counts), twice
     * the time it was given then, up to its bound. What is given is remembered beside the entry (its digest and
     * time, under the same index, so an eviction forgets it too).
     */
    private Mono<Duration> timeToLive(String entryKey, String index, byte[] bytes, Freshness freshness) {
        if (!freshness.adapts()) {
            return Mono.just(freshness.base());
        }
        String stabilityKey = entryKey + STABILITY;
        String compared = freshness.compared() == null ? null : freshness.compared().get();
        byte[] digest = digest(compared == null ? bytes : compared.getBytes(StandardCharsets.UTF_8));
        return guarded(store.get(stabilityKey))
                .filter(last -> last.length == Long.BYTES + digest.length
                        && Arrays.equals(last, Long.BYTES, last.length, digest, 0, digest.length))
                .map(unchanged -> freshness.after(Duration.ofMillis(ByteBuffer.wrap(unchanged).getLong())))
                .defaultIfEmpty(freshness.base())
                .flatMap(ttl -> guarded(store.put(stabilityKey, index,
                        ByteBuffer.allocate(Long.BYTES + digest.length).putLong(ttl.toMillis()).put(digest).array(),
                        freshness.stableMax().multipliedBy(STABILITY_MEMORY))).thenReturn(ttl));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    /**
     * Keeps an answer for its fetcher and, for a read of a repository's shared data, for the repository's other
     * readers, for as long: both with one update of their index, in one write that also releases the call's lock. An
     * answer proves the caller's access by itself; an absence (no bytes: Bitbucket's 404) is shared only while the
     * caller's proof of access is there as it is written, since Bitbucket also answers 404 to a credential that may
     * not see the repository.
     */
    private Mono<Void> storeFetched(String key, String index, Shared shared, String lock, byte[] bytes,
            Duration ttl) {
        List<String> keys = shared == null ? List.of(key) : List.of(key, shared.key());
        String proofNeeded = shared == null || bytes.length > 0 ? null : shared.access();
        return guarded(store.write(new Write(keys, index, bytes, ttl, lock, proofNeeded)));
    }

    private boolean isFinal(Duration ttl) {
        return ttl.compareTo(properties.completed()) >= 0;
    }

    private void keepDecoded(String key, Object value, byte[] bytes, Duration ttl) {
        if (value == null || ttl == null || ttl.isZero() || ttl.isNegative()) {
            return;
        }
        decoded.put(key, isFinal(ttl) ? new Weighed(value, Math.max(1, bytes.length))
                : new Recent(value, bytes, ttl));
    }

    /**
     * A store operation that never fails a read. The store bounds its own operations: Redis's take the store timeout
     * at the most, and none at all once one has gone unanswered ({@link RedisConnections}).
     */
    private <V> Mono<V> guarded(Mono<V> operation) {
        return operation.onErrorResume(error -> {
            log.debug("Cache store {} unavailable: {}", store.kind(), error.toString());
            return Mono.empty();
        });
    }

    private void count(String resource, String result) {
        // Looked up once per resource and result: a warm dashboard counts a thousand hits.
        counters.computeIfAbsent(resource + '\n' + result, absent -> Counter.builder("gateway.cache.requests")
                .description("Upstream reads answered from the cache (hit) or not (miss)")
                .tag("resource", resource)
                .tag("result", result)
                .register(meterRegistry)).increment();
    }
}
