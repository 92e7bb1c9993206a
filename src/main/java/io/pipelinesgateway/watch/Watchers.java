package io.pipelinesgateway.watch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.bitbucket.UpstreamChanged;
import io.pipelinesgateway.cache.WebhookCoverage;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.events.EventBus;
import io.pipelinesgateway.events.RefreshRequested;
import io.pipelinesgateway.repository.RepositoryKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The status watcher, as subscriptions and webhooks use it. A subscription registers what it needs watched and lends
 * its credential; however many subscriptions (on however many replicas) want a repository, one watcher polls it,
 * on the replica that holds the repository's lease. A webhook asks for a repository to be looked at now; while a
 * repository's webhooks are seen ({@link WebhookCoverage}), its watcher polls it seldom when nothing in it runs.
 * <p>
 * Metrics: {@code gateway.watch.polls} (polls made by this replica, by workspace), {@code gateway.watch.repositories}
 * (repositories this replica polls now) and {@code gateway.watch.subscriptions} (registrations on this replica).
 */
@Component
public class Watchers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Watchers.class);

    private final PipelineEndpoints bitbucket;
    private final EventBus bus;
    private final Coordination coordination;
    private final WatchProperties properties;
    private final WebhookCoverage webhooks;
    private final MeterRegistry meterRegistry;
    private final Clock clock = Clock.systemUTC();
    /** This replica's name: unique per start, so a restarted replica never mistakes an old lease for its own. */
    private final String replica = UUID.randomUUID().toString();
    private long watchesOpened;
    private final Map<RepositoryKey, RepositoryWatch> watches = new HashMap<>();

    Watchers(PipelineEndpoints bitbucket, EventBus bus, Coordination coordination, WatchProperties properties,
            WebhookCoverage webhooks, MeterRegistry meterRegistry) {
        this.bitbucket = bitbucket;
        this.webhooks = webhooks;
        this.bus = bus;
        this.coordination = coordination;
        this.properties = properties;
        this.meterRegistry = meterRegistry;
        Gauge.builder("gateway.watch.repositories", this, Watchers::polledHere)
                .description("Repositories whose watcher runs on this replica")
                .register(meterRegistry);
        Gauge.builder("gateway.watch.subscriptions", this, Watchers::registrations)
                .description("Subscriptions on this replica that have something watched")
                .register(meterRegistry);
    }

    /**
     * Has {@code interest} watched for as long as the returned Disposable is not disposed, with {@code credential}
     * lent to the watcher. When the watcher finds that the credential may no longer read the repository,
     * {@code onRevoked} is told why (and the credential is no longer used).
     */
    public Disposable watch(WatchInterest interest, WatchCredential credential,
            Consumer<GatewayException> onRevoked) {
        RepositoryKey repository = interest.repository();
        RepositoryWatch watch;
        long member;
        boolean news;
        synchronized (this) {
            watch = watches.computeIfAbsent(repository, this::open);
            news = !watch.interests().contains(interest);
            member = watch.add(interest, credential, onRevoked);
        }
        if (news) {
            // Declared at once rather than at the next renewal, then the watcher (wherever it runs) polls for it now.
            coordination.declare(repository, List.of(interest.encode()), properties.leaseTtl())
                    .onErrorResume(failure -> Mono.empty())
                    .then(bus.publish(new RefreshRequested(repository.workspace(), repository.slug(), "subscribed")))
                    .subscribe(done -> { }, failure -> log.debug("Could not announce a new interest in {}: {}",
                            repository, failure.toString()));
        }
        return new Disposable() {
            private volatile boolean disposed;

            @Override
            public void dispose() {
                if (!disposed) {
                    disposed = true;
                    leave(repository, watch, member);
                }
            }

            @Override
            public boolean isDisposed() {
                return disposed;
            }
        };
    }

    /**
     * Asks the watcher of {@code repository}, on whichever replica it runs, to poll now; nothing happens when no one
     * watches it.
     */
    public Mono<Void> refresh(RepositoryKey repository, String reason) {
        return bus.publish(new RefreshRequested(repository.workspace(), repository.slug(), reason));
    }

    /**
     * A run or a stop made through this gateway: the repository's watcher looks at once, so its subscribers see the
     * new run (or the stop) without waiting for the next poll, however quiet the repository had been.
     */
    @EventListener
    void onChange(UpstreamChanged change) {
        if (change.changedPipelines()) {
            RepositoryKey repository = new RepositoryKey(change.workspace(), change.repository());
            refresh(repository, "changed through the gateway").subscribe(done -> { },
                    failure -> log.debug("Could not ask for {} to be looked at: {}", repository, failure.toString()));
        }
    }

    /** Whether subscribers on this replica follow {@code repository} now (wherever its watcher runs). */
    public synchronized boolean hasSubscribers(RepositoryKey repository) {
        return watches.containsKey(repository);
    }

    /** Whether this replica runs the watcher of {@code repository} now. */
    public synchronized boolean watchesHere(RepositoryKey repository) {
        RepositoryWatch watch = watches.get(repository);
        return watch != null && watch.polling();
    }

    /**
     * How many polls of {@code repository} this replica has completed since its subscribers began following it; 0
     * when it has none, or another replica watches the repository.
     */
    public synchronized long pollsHere(RepositoryKey repository) {
        RepositoryWatch watch = watches.get(repository);
        return watch == null ? 0 : watch.polls();
    }

    private RepositoryWatch open(RepositoryKey repository) {
        Counter polls = Counter.builder("gateway.watch.polls")
                .description("Polls of repositories made by this replica's watchers")
                .tag("workspace", repository.workspace())
                .register(meterRegistry);
        // Each watch owns its lease under its own name, so a watch closing late cannot give up its successor's.
        String owner = replica + "/" + (++watchesOpened);
        RepositoryWatch watch = new RepositoryWatch(repository, owner, coordination, properties,
                state -> new RepositoryPoller(repository, state, bitbucket, bus, coordination, properties,
                        webhooks, clock),
                polls::increment);
        watch.start();
        bus.listen(repository, event -> {
                    if (event instanceof RefreshRequested) {
                        watch.wake();
                    }
                })
                .subscribe(watch::attach, failure -> log.debug("Refresh requests for {} will not be heard: {}",
                        repository, failure.toString()));
        return watch;
    }

    private void leave(RepositoryKey repository, RepositoryWatch watch, long member) {
        Mono<Void> closing = Mono.empty();
        synchronized (this) {
            watch.remove(member);
            if (watch.isEmpty() && watches.get(repository) == watch) {
                watches.remove(repository);
                closing = watch.close();
            }
        }
        closing.subscribe(done -> { }, failure -> { });
    }

    private synchronized double polledHere() {
        return watches.values().stream().filter(RepositoryWatch::polling).count();
    }

    private synchronized double registrations() {
        return watches.values().stream().mapToInt(RepositoryWatch::members).sum();
    }

    /** Gives every lease up on shutdown, so the other replicas take over at once rather than when they expire. */
    @Override
    public void destroy() {
        List<RepositoryWatch> open;
        synchronized (this) {
            open = new ArrayList<>(watches.values());
            watches.clear();
        }
        Flux.fromIterable(open).flatMap(RepositoryWatch::close).then()
                .block(Duration.ofSeconds(2));
    }
}
