package io.pipelinesgateway.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import io.pipelinesgateway.repository.RepositoryKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of this process, by repository: both buses hand each event to them here. A listener that throws is
 * logged and skipped, so it cannot keep the event from the others.
 */
final class Listeners {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final Map<RepositoryKey, Set<Consumer<WatchEvent>>> byRepository = new ConcurrentHashMap<>();

    /** Adds a listener; true when it is the repository's first. */
    synchronized boolean add(RepositoryKey repository, Consumer<WatchEvent> listener) {
        Set<Consumer<WatchEvent>> listeners = byRepository.computeIfAbsent(repository,
                absent -> new CopyOnWriteArraySet<>());
        listeners.add(listener);
        return listeners.size() == 1;
    }

    /** Removes a listener; true when it was the repository's last. */
    synchronized boolean remove(RepositoryKey repository, Consumer<WatchEvent> listener) {
        Set<Consumer<WatchEvent>> listeners = byRepository.get(repository);
        if (listeners == null || !listeners.remove(listener)) {
            return false;
        }
        if (listeners.isEmpty()) {
            byRepository.remove(repository);
            return true;
        }
        return false;
    }

    void dispatch(WatchEvent event) {
        Set<Consumer<WatchEvent>> listeners = byRepository.get(event.repositoryKey());
        if (listeners == null) {
            return;
        }
        for (Consumer<WatchEvent> listener : listeners) {
            try {
                listener.accept(event);
            }
            catch (RuntimeException failure) {
                log.warn("An event listener of {} failed", event.repositoryKey(), failure);
            }
        }
    }
}
