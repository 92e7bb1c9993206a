package io.pipelinesgateway.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;

/**
 * A field read through a DataLoader with a key its parent (and its arguments) give, fetched without Spring's
 * annotated-controller invocation: the fields of this kind below every pipeline, step and test case
 * ({@code Pipeline.steps}, {@code Step.testReport}, {@code Step.testCases}, {@code TestCase.reasons}) are a thousand
 * per warm dashboard, and each {@code @SchemaMapping} call builds a handler method, binds its arguments, and has
 * Spring capture and restore the request's context around it: a fifth of a warm view's CPU for work a field of this
 * kind never needs. Making a key and queuing it (or answering at once, when the parent says there is nothing to
 * load) is all a {@link Load} may do: no Reactor, no thread local, no I/O. The DataLoader's batch runs with the
 * request's context restored by Spring itself.
 * <p>
 * It is a {@link TrivialDataFetcher} in graphql-java's sense, which Spring leaves undecorated; Spring does not observe
 * a field that reads through a DataLoader either way ({@code graphql.datafetcher}), so no metric changes.
 *
 * @param <S> the parent's type
 * @param <R> the field's value's type
 */
public final class LoadedField<S, R> implements TrivialDataFetcher<CompletableFuture<R>> {

    /**
     * The field's value for a parent: a DataLoader's load ({@link Loaders#load}), or an answer known without one.
     *
     * @param <S> the parent's type
     * @param <R> the field's value's type
     */
    @FunctionalInterface
    public interface Load<S, R> {

        /** The value of the field of {@code parent}, whose arguments {@code environment} holds. */
        CompletableFuture<R> of(S parent, DataFetchingEnvironment environment);
    }

    private final Load<S, R> load;

    private LoadedField(Load<S, R> load) {
        this.load = load;
    }

    /** The field whose value {@code load} gives. */
    public static <S, R> LoadedField<S, R> of(Load<S, R> load) {
        return new LoadedField<>(load);
    }

    /**
     * The field whose value is loaded by the key {@code keyOf} gives its parent.
     *
     * @param valueType the value type the DataLoader is registered for ({@link Loaders#register})
     * @param keyOf     the key of a parent, or null when the parent is known to have no value (a step that never ran
     *                  has no test report): the field is then null without a load
     */
    public static <S, K, V> LoadedField<S, V> of(Class<V> valueType, Function<S, K> keyOf) {
        return new LoadedField<>((parent, environment) -> {
            K key = keyOf.apply(parent);
            return key == null ? CompletableFuture.completedFuture(null)
                    : Loaders.load(environment, valueType, key);
        });
    }

    @Override
    public CompletableFuture<R> get(DataFetchingEnvironment environment) {
        return load.of(environment.getSource(), environment);
    }
}
