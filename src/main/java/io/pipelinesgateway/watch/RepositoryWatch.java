package io.pipelinesgateway.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.repository.RepositoryKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * This replica's part in watching one repository, for as long as it has subscribers to it: their interests and the
 * credentials they lend, and the lease. Every renewal period it declares its subscribers' interests (so the watcher,
 * wherever it runs, serves them) and renews the lease it holds, or tries to take one nobody holds. While it holds the
 * lease it runs the repository's {@link RepositoryPoller}; when it loses the lease, it polls once more and stops.
 */
final class RepositoryWatch {

    private static final Logger log = LoggerFactory.getLogger(RepositoryWatch.class);

    /** A subscriber of this replica: what it wants watched, and the credential it lends the watcher. */
    private record Member(WatchInterest interest, WatchCredential credential, Consumer<GatewayException> onRevoked) {
    }

    private final RepositoryKey repository;
    private final String owner;
    private final Coordination coordination;
    private final WatchProperties properties;
    private final Function<WatchState, RepositoryPoller> pollers;
    private final Runnable onPoll;

    private final Map<Long, Member> members = new LinkedHashMap<>();
    private final Set<WatchCredential> refused = new HashSet<>();
    private final List<Disposable> attached = new ArrayList<>();
    private long nextMember;
    private boolean closed;
    private Disposable leaseLoop;

    private RepositoryPoller poller;
    private Disposable pollLoop;
    private Disposable timer;
    private Sinks.Many<Boolean> triggers;
    /** The lease was lost: one more poll is asked for, the last. */
    private boolean lastPollAsked;
    /** The poll under way is the last: polling stops after it. */
    private boolean lastPollRunning;
    private final AtomicBoolean triggered = new AtomicBoolean();
    private final AtomicLong polls = new AtomicLong();

    RepositoryWatch(RepositoryKey repository, String owner, Coordination coordination, WatchProperties properties,
            Function<WatchState, RepositoryPoller> pollers, Runnable onPoll) {
        this.repository = repository;
        this.owner = owner;
        this.coordination = coordination;
        this.properties = properties;
        this.pollers = pollers;
        this.onPoll = onPoll;
    }

    void start() {
        leaseLoop = Flux.interval(Duration.ZERO, properties.leaseRenewal())
                .onBackpressureDrop()
                .concatMap(tick -> tick().onErrorResume(failure -> {
                    log.debug("Lease round for {} failed: {}", repository, failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    synchronized long add(WatchInterest interest, WatchCredential credential, Consumer<GatewayException> onRevoked) {
        long id = nextMember++;
        members.put(id, new Member(interest, credential, onRevoked));
        refused.remove(credential);
        return id;
    }

    synchronized void remove(long id) {
        members.remove(id);
    }

    synchronized boolean isEmpty() {
        return members.isEmpty();
    }

    /** How many subscriptions of this replica have something watched here. */
    synchronized int members() {
        return members.size();
    }

    synchronized Set<WatchInterest> interests() {
        Set<WatchInterest> interests = new LinkedHashSet<>();
        members.values().forEach(member -> interests.add(member.interest()));
        return interests;
    }

    /** Keeps {@code resource} (such as the bus listener for refresh requests) until the watch closes. */
    synchronized void attach(Disposable resource) {
        if (closed) {
            resource.dispose();
        }
        else {
            attached.add(resource);
        }
    }

    /** Whether this replica holds the lease and polls the repository now. */
    synchronized boolean polling() {
        return poller != null;
    }

    /** Polls this replica has made of the repository since this watch opened. */
    long polls() {
        return polls.get();
    }

    /** Polls now, at the fast pace again: a webhook or a new subscriber says it is worth it. */
    void wake() {
        RepositoryPoller current;
        synchronized (this) {
            current = poller;
        }
        if (current != null) {
            current.quicken();
            trigger();
        }
    }

    /** Stops polling and gives the lease up, so that another replica with subscribers takes over at once. */
    Mono<Void> close() {
        synchronized (this) {
            if (closed) {
                return Mono.empty();
            }
            closed = true;
            leaseLoop.dispose();
            attached.forEach(Disposable::dispose);
            stopPolling();
        }
        return coordination.release(repository, owner).onErrorResume(failure -> Mono.empty());
    }

    private Mono<Void> tick() {
        Set<String> declared = new LinkedHashSet<>();
        interests().forEach(interest -> declared.add(interest.encode()));
        Mono<Void> declare = coordination.declare(repository, declared, properties.leaseTtl())
                .onErrorResume(failure -> Mono.empty());
        return declare.then(Mono.defer(() -> polling()
                ? coordination.renew(repository, owner, properties.leaseTtl())
                        .onErrorReturn(false)
                        .doOnNext(held -> {
                            if (!held) {
                                log.info("Lost the lease on watching {}; another replica watches it now", repository);
                                finish();
                            }
                        })
                        .then()
                : coordination.acquire(repository, owner, properties.leaseTtl())
                        .doOnError(failure -> log.debug("Could not ask for the lease on {}: {}", repository,
                                failure.toString()))
                        .onErrorReturn(false)
                        .doOnNext(taken -> log.trace("Lease on {} taken: {}", repository, taken))
                        .flatMap(taken -> taken ? lead() : Mono.empty())));
    }

    private Mono<Void> lead() {
        return coordination.loadState(repository)
                .onErrorResume(failure -> Mono.empty())
                .defaultIfEmpty(WatchState.empty())
                .doOnNext(state -> {
                    synchronized (this) {
                        if (!closed && poller == null) {
                            log.debug("Watching {} from this replica", repository);
                            startPolling(pollers.apply(state));
                        }
                    }
                })
                .then();
    }

    /**
     * Stops polling after one more poll. What changed since the last one is then told, at worst twice (the new
     * watcher may tell it too, and subscribers shrug off a repeat), rather than missed by this replica's subscribers
     * when the new watcher told it before they could hear it: after a Redis outage, it may have published before
     * this replica listened on Redis again.
     */
    private void finish() {
        synchronized (this) {
            if (poller == null || lastPollAsked || lastPollRunning) {
                return;
            }
            lastPollAsked = true;
        }
        trigger();
    }

    /** Runs polls one after another: each waits the interval the last one asked for, or a trigger. */
    private void startPolling(RepositoryPoller started) {
        poller = started;
        Sinks.Many<Boolean> loopTriggers = Sinks.many().unicast().onBackpressureBuffer();
        triggers = loopTriggers;
        triggered.set(false);
        pollLoop = loopTriggers.asFlux()
                .concatMap(ignored -> Mono.defer(() -> pollOnce(started)).subscribeOn(Schedulers.parallel()))
                .subscribe(this::schedule);
        trigger();
    }

    private void stopPolling() {
        if (pollLoop != null) {
            pollLoop.dispose();
        }
        if (timer != null) {
            timer.dispose();
        }
        poller = null;
        pollLoop = null;
        timer = null;
        triggers = null;
        lastPollAsked = false;
        lastPollRunning = false;
    }

    private synchronized void schedule(Duration delay) {
        if (triggers == null) {
            return;
        }
        if (lastPollRunning) {
            stopPolling();
            return;
        }
        if (timer != null) {
            timer.dispose();
        }
        timer = Mono.delay(delay).subscribe(ignored -> trigger());
    }

    /** Asks for a poll as soon as the current one (if any) is done; asks made meanwhile count as one. */
    private void trigger() {
        Sinks.Many<Boolean> current;
        synchronized (this) {
            current = triggers;
        }
        if (current != null && triggered.compareAndSet(false, true)) {
            // Outside the lock: the poll starts on another thread, but its publishing must never wait for this one.
            current.emitNext(true, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        }
    }

    private Mono<Duration> pollOnce(RepositoryPoller current) {
        triggered.set(false);
        WatchCredential credential;
        Set<WatchInterest> local;
        synchronized (this) {
            if (timer != null) {
                timer.dispose();
                timer = null;
            }
            if (lastPollAsked) {
                lastPollAsked = false;
                lastPollRunning = true;
            }
            credential = members.values().stream().map(Member::credential)
                    .filter(candidate -> !refused.contains(candidate)).findFirst().orElse(null);
            local = interests();
        }
        if (credential == null) {
            // No subscriber here can lend a credential any more: wait for them to leave, or for new ones.
            return Mono.just(properties.fastInterval());
        }
        return coordination.interests(repository)
                .onErrorReturn(Set.of())
                .map(declared -> {
                    Set<WatchInterest> all = new LinkedHashSet<>(local);
                    declared.forEach(encoded -> {
                        WatchInterest interest = WatchInterest.decode(repository, encoded);
                        if (interest != null) {
                            all.add(interest);
                        }
                    });
                    return all;
                })
                .flatMap(all -> current.poll(all, credential))
                .flatMap(delay -> coordination.saveState(repository, current.snapshot(), properties.stateTtl())
                        .onErrorResume(failure -> Mono.empty())
                        .thenReturn(delay))
                .doOnSuccess(delay -> {
                    polls.incrementAndGet();
                    onPoll.run();
                })
                .onErrorResume(GatewayException.class, failure -> Mono.just(afterFailure(credential, failure)))
                .onErrorResume(failure -> {
                    log.warn("Watcher of {} failed a poll", repository, failure);
                    return Mono.just(properties.fastInterval());
                });
    }

    private Duration afterFailure(WatchCredential credential, GatewayException failure) {
        ErrorCode code = failure.code();
        if (code == ErrorCode.UNAUTHENTICATED || code == ErrorCode.FORBIDDEN || code == ErrorCode.NOT_FOUND) {
            // The lent credential may no longer read the repository: its subscriptions end, with the reason.
            List<Member> affected;
            synchronized (this) {
                refused.add(credential);
                affected = members.values().stream().filter(member -> member.credential().equals(credential))
                        .toList();
            }
            affected.forEach(member -> member.onRevoked().accept(failure));
            return Duration.ZERO;
        }
        if (code == ErrorCode.RATE_LIMITED && failure.retryAfterSeconds() != null) {
            Duration wait = Duration.ofSeconds(failure.retryAfterSeconds());
            return wait.compareTo(properties.fastInterval()) > 0 ? wait : properties.fastInterval();
        }
        log.debug("Watcher of {} could not poll: {}", repository, failure.getMessage());
        return properties.fastInterval();
    }
}
