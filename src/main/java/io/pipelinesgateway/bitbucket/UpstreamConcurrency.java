package io.pipelinesgateway.bitbucket;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.pipelinesgateway.cache.KeyedHash;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Bounds the calls to Bitbucket in flight: at most {@code gateway.bitbucket.max-in-flight} for the whole process and
 * {@code gateway.bitbucket.max-in-flight-per-caller} for one credential. Only calls actually sent take a place (a
 * cached read takes none), so a request's fan-out is as wide as its work, and a level of a query goes out at once
 * instead of queueing behind a fixed width per list of siblings. A call past a bound waits, without a thread, for a
 * place to free, first for its caller's and then for the process's (always in that order, so no two calls can wait on
 * each other).
 */
@Component
class UpstreamConcurrency {

    // A call's place: WAITING until granted; then HELD until the call ends; ENDED once it ended, granted or not.
    private static final int WAITING = 0;
    private static final int HELD = 1;
    private static final int ENDED = 2;

    private final Permits process;
    private final int perCaller;
    /** Per credential, under a name this process alone can make; dropped when the credential has nothing in flight. */
    private final Map<String, Permits> callers = new ConcurrentHashMap<>();
    private final KeyedHash names = new KeyedHash("");

    UpstreamConcurrency(BitbucketProperties properties) {
        this.process = new Permits(properties.maxInFlight());
        this.perCaller = properties.maxInFlightPerCaller();
    }

    /** {@code call}, sent once the caller's credential (none: the anonymous caller) and the process have room. */
    <T> Mono<T> bounded(Optional<Credential> credential, Mono<T> call) {
        return Mono.defer(() -> {
            String name = credential.map(value -> value.nameUnder(names)).orElse("");
            Permits caller = callers.compute(name, (key, permits) -> {
                Permits held = permits != null ? permits : new Permits(perCaller);
                held.users++;
                return held;
            });
            // Its place given back first, then the caller forgotten if it has no other call.
            return within(caller, within(process, call, () -> { }), () -> callers.computeIfPresent(name,
                    (key, permits) -> --permits.users == 0 ? null : permits));
        });
    }

    /** {@code call} once {@code permits} has a place for it; {@code ended} runs once it gave back what it held. */
    private static <T> Mono<T> within(Permits permits, Mono<T> call, Runnable ended) {
        return Mono.defer(() -> {
            AtomicInteger state = new AtomicInteger(WAITING);
            Mono<Void> granted = Mono.create(sink -> permits.acquire(() -> {
                if (state.compareAndSet(WAITING, HELD)) {
                    sink.success();
                }
                else {
                    // Ended (cancelled) while it waited: the place it was just given goes to the next.
                    permits.release();
                }
            }, state));
            return granted.then(call).doFinally(signal -> {
                int was = state.getAndSet(ENDED);
                if (was == HELD) {
                    permits.release();
                }
                else if (was == WAITING) {
                    permits.withdraw(state);
                }
                ended.run();
            });
        });
    }

    /** A count of places and the calls waiting for one, in order. */
    private static final class Permits {

        private final int limit;
        private final Queue<Waiter> waiting = new ArrayDeque<>();
        private int inUse;
        /** Calls of this caller between {@link #bounded} and their end: guarded by the map's compute. */
        private int users;

        Permits(int limit) {
            this.limit = limit;
        }

        void acquire(Runnable grant, AtomicInteger state) {
            synchronized (this) {
                if (inUse >= limit) {
                    waiting.add(new Waiter(grant, state));
                    return;
                }
                inUse++;
            }
            grant.run();
        }

        void release() {
            Waiter next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    inUse--;
                }
            }
            if (next != null) {
                next.grant().run();
            }
        }

        synchronized void withdraw(AtomicInteger state) {
            waiting.removeIf(waiter -> waiter.state() == state);
        }
    }

    private record Waiter(Runnable grant, AtomicInteger state) {
    }
}
