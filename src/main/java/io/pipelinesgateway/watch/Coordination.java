package io.pipelinesgateway.watch;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;

import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.publisher.Mono;

/**
 * What replicas agree on so that each repository has exactly one watcher, serving everyone's subscribers, within
 * one budget: the lease on watching a repository, the interests each replica's subscribers declare, the watcher's
 * memory, and the count of upstream calls. Redis holds it all when the gateway has it; otherwise this process does.
 */
interface Coordination {

    /** Takes the lease on {@code repository} if no one holds it (SET NX PX); true when {@code owner} has it. */
    Mono<Boolean> acquire(RepositoryKey repository, String owner, Duration ttl);

    /** Extends the lease if {@code owner} still holds it; false when it was lost. */
    Mono<Boolean> renew(RepositoryKey repository, String owner, Duration ttl);

    /** Gives the lease up, if {@code owner} holds it, so that another replica may take it at once. */
    Mono<Void> release(RepositoryKey repository, String owner);

    /** Declares interests of this replica's subscribers in {@code repository}, each valid for {@code ttl}. */
    Mono<Void> declare(RepositoryKey repository, Collection<String> interests, Duration ttl);

    /** The interests any replica declared in {@code repository} that have not expired. */
    Mono<Set<String>> interests(RepositoryKey repository);

    /** The watcher's memory of {@code repository}, or empty. */
    Mono<WatchState> loadState(RepositoryKey repository);

    /** Keeps the watcher's memory of {@code repository} for {@code ttl}. */
    Mono<Void> saveState(RepositoryKey repository, WatchState state, Duration ttl);

    /**
     * Counts one upstream call against {@code workspace}'s budget of {@code perMinute} calls in any minute: zero
     * when the call may go, or how long to wait before asking again.
     */
    Mono<Duration> reserveCall(String workspace, int perMinute);

    /** "redis" or "in-process". */
    String kind();
}
