package io.pipelinesgateway.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * A field read through a DataLoader with a key its parent gives, fetched without Spring's annotated-controller
 * invocation: the fields of this kind below every pipeline and step ({@code Pipeline.steps}, {@code Step.testReport})
 * are a thousand per warm dashboard, and each {@code @SchemaMapping} call builds a handler method, resolves its
 * arguments, and has Spring capture and restore the request's context around it: a fifth of a warm view's CPU for
 * work a field of this kind never needs. Queuing a key is all it does (no Reactor, no thread local, no I/O); the
 * DataLoader's batch runs with the request's context restored by Spring itself.
 * <p>
 * It is a {@link TrivialDataFetcher} in graphql-java's sense, which Spring leaves undecorated; Spring does not observe
 * a field that reads through a DataLoader either way ({@code graphql.datafetcher}), so no metric changes.
 *
 * @param <S> the parent's type
 * @param <K> the key's type
 * @param <V> the loaded value's type
 * @param <R> the field's value's type
 */
public final class LoadedField<S, K, V, R> implements TrivialDataFetcher<CompletableFuture<R>> {

    private final Class<V> valueType;
    private final Function<S, K> keyOf;
    /** The field's value from the loaded one; null when it is the loaded value itself. */
    private final Function<V, R> fieldOf;

    private LoadedField(Class<V> valueType, Function<S, K> keyOf, Function<V, R> fieldOf) {
        this.valueType = valueType;
        this.keyOf = keyOf;
        this.fieldOf = fieldOf;
    }

    /**
     * The field whose value is the loaded value itself.
     *
     * @param valueType the value type the DataLoader is registered for ({@link Loaders#register})
     * @param keyOf     the key of a parent, or null when the parent is known to have no value (a step that never ran
     *                  has no test report): the field is then null without a load
     */
    public static <S, K, V> LoadedField<S, K, V, V> of(Class<V> valueType, Function<S, K> keyOf) {
        return new LoadedField<>(valueType, keyOf, null);
    }

    /** As {@link #of}, with the field's value taken from the loaded one (a pipeline's steps from its list). */
    public static <S, K, V, R> LoadedField<S, K, V, R> of(Class<V> valueType, Function<S, K> keyOf,
            Function<V, R> fieldOf) {
        return new LoadedField<>(valueType, keyOf, fieldOf);
    }

    @Override
    public CompletableFuture<R> get(DataFetchingEnvironment environment) {
        K key = keyOf.apply(environment.getSource());
        if (key == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<V> loaded = Loaders.load(environment, valueType, key);
        return fieldOf == null ? itself(loaded) : loaded.thenApply(fieldOf);
    }

    @SuppressWarnings("unchecked")
    private CompletableFuture<R> itself(CompletableFuture<V> loaded) {
        // Only of(valueType, keyOf) leaves fieldOf null, and its R is V.
        return (CompletableFuture<R>) loaded;
    }
}
