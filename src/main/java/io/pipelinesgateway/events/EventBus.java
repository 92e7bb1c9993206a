package io.pipelinesgateway.events;

import java.util.function.Consumer;

import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Carries {@link WatchEvent}s from the one watcher of a repository to its subscribers on every replica: over Redis
 * pub/sub when Redis is configured (within the process while Redis does not answer), within the process otherwise.
 * Every listener of a repository gets each event published for it once; only around a Redis outage may it get one
 * twice, never none ({@link FallbackEventBus}).
 */
public interface EventBus {

    /** Sends an event to every listener of its repository, on every replica. */
    Mono<Void> publish(WatchEvent event);

    /**
     * Starts handing a repository's events to {@code listener}. The returned Mono completes once every event
     * published from then on is sure to reach the listener; dispose what it returns to stop. The listener is called
     * on the bus's threads and must not block.
     */
    Mono<Disposable> listen(RepositoryKey repository, Consumer<WatchEvent> listener);

    /** "redis" or "in-process": where events travel now. */
    String kind();
}
