package io.pipelinesgateway.events;

import java.util.function.Consumer;

import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** The event bus without Redis: one process, so publishing is handing the event to this process's listeners. */
class InProcessEventBus implements EventBus {

    private final Listeners listeners = new Listeners();

    @Override
    public Mono<Void> publish(WatchEvent event) {
        return Mono.fromRunnable(() -> listeners.dispatch(event));
    }

    @Override
    public Mono<Disposable> listen(RepositoryKey repository, Consumer<WatchEvent> listener) {
        return Mono.fromSupplier(() -> {
            listeners.add(repository, listener);
            return () -> listeners.remove(repository, listener);
        });
    }

    @Override
    public String kind() {
        return "in-process";
    }
}
