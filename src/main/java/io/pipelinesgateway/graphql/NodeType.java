package io.pipelinesgateway.graphql;

import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

/**
 * One type the {@code node} and {@code nodes} fields resolve: each feature contributes a bean for each of its
 * {@code Node} types, so the field asks the type named by an ID rather than listing every type itself.
 *
 * @param <K> what locates an object of the type
 */
public interface NodeType<K> {

    /** How the type's IDs are written and read. */
    GlobalIdFormat<K> id();

    /**
     * The object {@code key} locates: through the type's DataLoader where it has one, queued before this returns
     * (an ID named twice in a request then costs one upstream call); empty or NOT_FOUND when there is none.
     */
    Mono<?> load(K key, DataFetchingEnvironment environment);
}
