package io.pipelinesgateway.environment;

import io.pipelinesgateway.bitbucket.BitbucketEnvironment;
import io.pipelinesgateway.repository.RepositoryItem;

/** A deployment environment as the schema shows it, located by the repository it belongs to. */
public record DeploymentEnvironment(String workspace, String repository, String uuid, String name) {

    static DeploymentEnvironment from(String workspace, String repository, BitbucketEnvironment environment) {
        return new DeploymentEnvironment(workspace, repository, environment.uuid(), environment.name());
    }

    public String id() {
        return DeploymentEnvironmentNodeType.ID.encode(new RepositoryItem(workspace, repository, uuid));
    }
}
