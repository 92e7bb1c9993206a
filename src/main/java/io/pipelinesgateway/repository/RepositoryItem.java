package io.pipelinesgateway.repository;

import java.util.Arrays;

import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.graphql.GlobalIdFormat;

/**
 * An object that belongs to a repository and is named by its UUID (a deployment environment, a schedule, a known
 * host): the coordinates its global ID carries.
 *
 * @param uuid the object's UUID, in braces
 */
public record RepositoryItem(String workspace, String repository, String uuid) {

    /** How the global IDs of objects of {@code type} are written and read: workspace, repository and UUID. */
    public static GlobalIdFormat<RepositoryItem> globalIdFormat(String type) {
        return GlobalIdFormat.of(type, 3, item -> Arrays.asList(item.workspace(), item.repository(), item.uuid()),
                (parts, field) -> new RepositoryItem(parts.get(0), parts.get(1), Uuids.braced(parts.get(2), field)));
    }
}
