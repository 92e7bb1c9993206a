package io.pipelinesgateway.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.pipelinesgateway.repository.RepositoryKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The event bus when Redis is configured: Redis pub/sub while Redis answers, and this process's own bus while it
 * does not ({@link RedisFallback}), so that an outage costs subscribers the events of other replicas only, never
 * those of this one, and never an error.
 * <p>
 * Every listener is registered on both buses, and each event is published on one only: the one of the mode at the
 * time, so a listener gets it once. A publish that fails on Redis is handed over in process at once (should Redis
 * have taken it after all, this replica's listeners get it twice, which they shrug off: a repeated status is no
 * news, a repeated log chunk is before their offset). While fallen back, the bus asks every second whether Redis is
 * back; it returns to Redis only once every listener's channel is subscribed there anew, so an event published on
 * Redis after the switch cannot pass a listener by.
 */
class FallbackEventBus implements EventBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FallbackEventBus.class);
    /** How long listening on Redis may take before this replica does without it. */
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RECOVERY_INTERVAL = Duration.ofSeconds(1);

    private final RedisEventBus redis;
    private final InProcessEventBus local;
    private final RedisFallback fallback;
    /** Listeners not yet listening on Redis, because it did not answer; guarded by {@code this}. */
    private final Set<Registration> pending = new HashSet<>();
    private final Disposable recovery;

    FallbackEventBus(RedisEventBus redis, InProcessEventBus local, RedisFallback fallback) {
        this.redis = redis;
        this.local = local;
        this.fallback = fallback;
        this.recovery = Flux.interval(RECOVERY_INTERVAL)
                .onBackpressureDrop()
                .filter(tick -> fallback.active())
                .concatMap(tick -> recover().onErrorResume(failure -> {
                    log.debug("Redis is not back yet: {}", failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public Mono<Void> publish(WatchEvent event) {
        return Mono.defer(() -> fallback.active()
                ? local.publish(event)
                : redis.publish(event).onErrorResume(failure -> {
                    fallback.enter(failure);
                    return local.publish(event);
                }));
    }

    @Override
    public Mono<Disposable> listen(RepositoryKey repository, Consumer<WatchEvent> listener) {
        return local.listen(repository, listener).flatMap(inProcess -> {
            Registration registration = new Registration(repository, listener, inProcess);
            synchronized (this) {
                if (fallback.active()) {
                    pending.add(registration);
                    return Mono.just(registration);
                }
            }
            return redis.listen(repository, listener)
                    .timeout(LISTEN_TIMEOUT)
                    .map(onRedis -> {
                        registration.listeningOnRedis(onRedis);
                        return (Disposable) registration;
                    })
                    .onErrorResume(failure -> {
                        synchronized (this) {
                            fallback.enter(failure);
                            pending.add(registration);
                        }
                        return Mono.just(registration);
                    })
                    .doOnCancel(registration::dispose);
        });
    }

    /**
     * Listens on Redis for every listener that could not, then confirms the channels of all of them anew (Redis may
     * have restarted), and only then returns to Redis.
     */
    private Mono<Void> recover() {
        List<Registration> waiting;
        synchronized (this) {
            waiting = new ArrayList<>(pending);
        }
        return Flux.fromIterable(waiting)
                .concatMap(registration -> redis.listen(registration.repository, registration.listener)
                        .timeout(LISTEN_TIMEOUT)
                        .doOnNext(registration::listeningOnRedis))
                .then(redis.resume())
                .then(Mono.fromRunnable(() -> {
                    synchronized (this) {
                        // A listener that came meanwhile and could not listen on Redis waits for the next round.
                        if (pending.isEmpty()) {
                            fallback.leave();
                        }
                    }
                }));
    }

    @Override
    public String kind() {
        return fallback.active() ? local.kind() : redis.kind();
    }

    @Override
    public void close() {
        recovery.dispose();
    }

    /** One listener's registrations: in process at once, on Redis once it answers. */
    private final class Registration implements Disposable {

        private final RepositoryKey repository;
        private final Consumer<WatchEvent> listener;
        private final Disposable inProcess;
        private Disposable onRedis;
        private boolean disposed;

        Registration(RepositoryKey repository, Consumer<WatchEvent> listener, Disposable inProcess) {
            this.repository = repository;
            this.listener = listener;
            this.inProcess = inProcess;
        }

        void listeningOnRedis(Disposable registration) {
            synchronized (FallbackEventBus.this) {
                pending.remove(this);
                if (!disposed) {
                    onRedis = registration;
                    return;
                }
            }
            registration.dispose();
        }

        @Override
        public void dispose() {
            Disposable redisRegistration;
            synchronized (FallbackEventBus.this) {
                if (disposed) {
                    return;
                }
                disposed = true;
                pending.remove(this);
                redisRegistration = onRedis;
            }
            inProcess.dispose();
            if (redisRegistration != null) {
                redisRegistration.dispose();
            }
        }

        @Override
        public boolean isDisposed() {
            synchronized (FallbackEventBus.this) {
                return disposed;
            }
        }
    }
}
