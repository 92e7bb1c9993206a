package io.pipelinesgateway.repository;

import io.pipelinesgateway.graphql.Inputs;

/** Locates a repository: its workspace's slug and its own. */
public record RepositoryKey(String workspace, String slug) {

    /** The repository a mutation's input names in its {@code workspace} and {@code repository} fields, checked. */
    public static RepositoryKey fromInput(String workspace, String repository) {
        return new RepositoryKey(Inputs.nonBlank(workspace, "input.workspace"),
                Inputs.nonBlank(repository, "input.repository"));
    }
}
