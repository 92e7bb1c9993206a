package io.pipelinesgateway.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An ordered collection of immutable items keyed by uuid, safe for concurrent requests: reads see an immutable
 * snapshot, writes replace it under a lock (writes are rare, so contention is not a concern). Lists keep insertion
 * order, as Bitbucket's configuration lists do.
 */
final class Registry<T> {

    private final Function<T, String> uuidOf;
    private volatile List<T> items = List.of();

    Registry(Function<T, String> uuidOf) {
        this.uuidOf = uuidOf;
    }

    List<T> all() {
        return items;
    }

    Optional<T> find(String uuid) {
        return items.stream().filter(item -> Ids.sameUuid(uuidOf.apply(item), uuid)).findFirst();
    }

    T get(String uuid, String what) {
        return find(uuid).orElseThrow(() -> SandboxException.notFound(what + " " + uuid + " not found."));
    }

    /** Adds an item unless one already {@code conflicts} with it, in which case it fails with {@code conflict}. */
    synchronized T add(T item, Predicate<T> conflicts, SandboxException conflict) {
        if (items.stream().anyMatch(conflicts)) {
            throw conflict;
        }
        List<T> next = new ArrayList<>(items);
        next.add(item);
        items = List.copyOf(next);
        return item;
    }

    synchronized T replace(String uuid, String what, UnaryOperator<T> change) {
        T current = get(uuid, what);
        T changed = change.apply(current);
        items = items.stream().map(item -> item == current ? changed : item).toList();
        return changed;
    }

    synchronized void remove(String uuid, String what) {
        T current = get(uuid, what);
        items = items.stream().filter(item -> item != current).toList();
    }

    synchronized int removeIf(Predicate<T> which) {
        int before = items.size();
        items = items.stream().filter(which.negate()).toList();
        return before - items.size();
    }
}
