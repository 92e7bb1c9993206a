package io.pipelinesgateway.graphql;

import java.util.function.Function;

import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

/**
 * A {@link NodeType} whose objects its feature's service reads one at a time, without a DataLoader (deployment
 * environments, schedules, known hosts): such a type is its ID format and that read, and nothing else to write.
 *
 * @param <K> what locates an object of the type
 */
public abstract class ServiceNodeType<K> implements NodeType<K> {

    private final GlobalIdFormat<K> id;
    private final Function<K, ? extends Mono<?>> read;

    /** The type whose IDs {@code id} writes and reads, and whose objects {@code read} finds. */
    protected ServiceNodeType(GlobalIdFormat<K> id, Function<K, ? extends Mono<?>> read) {
        this.id = id;
        this.read = read;
    }

    @Override
    public final GlobalIdFormat<K> id() {
        return id;
    }

    @Override
    public final Mono<?> load(K key, DataFetchingEnvironment environment) {
        return read.apply(key);
    }
}
