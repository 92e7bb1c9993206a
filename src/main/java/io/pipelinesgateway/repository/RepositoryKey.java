package io.pipelinesgateway.repository;

import io.pipelinesgateway.bitbucket.PathSegments;
import io.pipelinesgateway.graphql.Inputs;

/** Locates a repository: its workspace's slug and its own. */
public record RepositoryKey(String workspace, String slug) {

    /** The repository a mutation's input names in its {@code workspace} and {@code repository} fields, checked. */
    public static RepositoryKey fromInput(String workspace, String repository) {
        return checked(workspace, "input.workspace", repository, "input.repository");
    }

    /**
     * The repository a caller names, each slug checked against Bitbucket's rules ({@link PathSegments}) and named by
     * its field when it breaks them, before any upstream call.
     */
    public static RepositoryKey checked(String workspace, String workspaceField, String slug, String slugField) {
        return new RepositoryKey(PathSegments.workspace(Inputs.nonBlank(workspace, workspaceField), workspaceField),
                PathSegments.repository(Inputs.nonBlank(slug, slugField), slugField));
    }
}
