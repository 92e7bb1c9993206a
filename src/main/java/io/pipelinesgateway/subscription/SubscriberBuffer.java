package io.pipelinesgateway.subscription;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.events.LogAppended;
import io.pipelinesgateway.events.WatchEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * One subscriber's own queue between the event bus and its connection, so that a slow subscriber never holds up the
 * bus or anyone else: the bus only ever adds to it, and when it holds {@code capacity} events the subscriber is
 * too slow, and the overflow policy decides.
 * <ul>
 *   <li>{@link Overflow#CLOSE}: the subscription ends with SUBSCRIPTION_OVERFLOW, after the events it holds;</li>
 *   <li>{@link Overflow#DROP_LOG_CHUNKS}: new log chunks are dropped and remembered ({@link #droppedUntil()}), so
 *       the reader can mark the hole; the final event of a log, and status events, are always kept.</li>
 * </ul>
 * Only events {@code wanted} by the subscriber are queued, so a busy repository does not fill a quiet subscriber's
 * queue. Events are handed on on another thread than the bus's.
 */
final class SubscriberBuffer {

    /** What to do when the subscriber falls {@code capacity} events behind. */
    enum Overflow {
        CLOSE, DROP_LOG_CHUNKS
    }

    private final int capacity;
    private final Overflow overflow;
    private final Predicate<WatchEvent> wanted;
    private final Sinks.Many<WatchEvent> sink = Sinks.many().unicast()
            .onBackpressureBuffer(Queues.<WatchEvent>unbounded().get());
    private final AtomicInteger waiting = new AtomicInteger();
    private long droppedUntil = -1;
    private boolean ended;

    SubscriberBuffer(int capacity, Overflow overflow, Predicate<WatchEvent> wanted) {
        this.capacity = capacity;
        this.overflow = overflow;
        this.wanted = wanted;
    }

    /** Takes an event from the bus; never blocks. */
    synchronized void offer(WatchEvent event) {
        if (ended || !wanted.test(event)) {
            return;
        }
        if (waiting.get() >= capacity) {
            if (overflow == Overflow.CLOSE) {
                end(new GatewayException(ErrorCode.SUBSCRIPTION_OVERFLOW, "The subscription read its events more "
                        + "slowly than they came, and more than " + capacity + " were waiting, so the gateway "
                        + "closed it. Read the current state with a query and subscribe again."));
                return;
            }
            if (event instanceof LogAppended chunk && !chunk.complete()) {
                droppedUntil = Math.max(droppedUntil, chunk.end());
                return;
            }
        }
        waiting.incrementAndGet();
        sink.tryEmitNext(event);
    }

    /** Ends the subscription with {@code error}, after the events already waiting. */
    synchronized void end(GatewayException error) {
        if (!ended) {
            ended = true;
            sink.tryEmitError(error);
        }
    }

    /** The end offset of the last log chunk dropped for being too slow; -1 when none was. */
    synchronized long droppedUntil() {
        return droppedUntil;
    }

    /** The events, in the order they came, for one reader. */
    Flux<WatchEvent> events() {
        return sink.asFlux()
                .publishOn(Schedulers.parallel())
                .doOnNext(event -> waiting.decrementAndGet());
    }
}
