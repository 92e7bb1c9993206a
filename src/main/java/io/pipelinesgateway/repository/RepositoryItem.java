package io.pipelinesgateway.repository;

import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.graphql.GlobalId;

/**
 * An object that belongs to a repository and is named by its UUID (a deployment environment, a schedule, a known
 * host): the coordinates its global ID carries.
 *
 * @param uuid the object's UUID, in braces
 */
public record RepositoryItem(String workspace, String repository, String uuid) {

    /**
     * The object a global ID names.
     *
     * @param field where the ID came from ({@code id} for {@code node}, {@code input.id} for a mutation), for the
     *              error when its UUID is malformed
     */
    public static RepositoryItem of(GlobalId id, String field) {
        return new RepositoryItem(id.part(0, 3), id.part(1, 3), Uuids.braced(id.part(2, 3), field));
    }

    /** The global ID of an object of {@code type} at these coordinates. */
    public String globalId(String type) {
        return GlobalId.encode(type, workspace, repository, uuid);
    }
}
