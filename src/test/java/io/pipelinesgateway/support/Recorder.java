package io.pipelinesgateway.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static org.awaitility.Awaitility.await;

/**
 * Subscribes to a Flux and keeps what it emits, so a test can drive the world (run a pipeline, move the clock) and
 * then wait for what it expects to have arrived.
 */
public final class Recorder<T> implements AutoCloseable {

    private final List<T> items = new CopyOnWriteArrayList<>();
    private final AtomicBoolean completed = new AtomicBoolean();
    private final AtomicReference<Throwable> error = new AtomicReference<>();
    private final Disposable subscription;

    private Recorder(Flux<T> flux) {
        this.subscription = flux.subscribe(items::add, error::set, () -> completed.set(true));
    }

    public static <T> Recorder<T> record(Flux<T> flux) {
        return new Recorder<>(flux);
    }

    public List<T> items() {
        return List.copyOf(items);
    }

    public boolean completed() {
        return completed.get();
    }

    public Throwable error() {
        return error.get();
    }

    /** Waits until an item matching {@code expected} has arrived, and returns it. */
    public T awaitItem(Predicate<T> expected, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (error.get() != null) {
                throw new AssertionError("The subscription failed", error.get());
            }
            return items.stream().anyMatch(expected);
        });
        return items.stream().filter(expected).findFirst().orElseThrow();
    }

    /** Waits until the Flux has completed. */
    public void awaitCompletion(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (error.get() != null) {
                throw new AssertionError("The subscription failed", error.get());
            }
            return completed.get();
        });
    }

    /** Waits until the Flux has failed, and returns the error. */
    public Throwable awaitError(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> error.get() != null);
        return error.get();
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
