package io.pipelinesgateway.environment;

import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.ServiceNodeType;
import io.pipelinesgateway.repository.RepositoryItem;

import org.springframework.stereotype.Component;

/** Deployment environments as {@code node} finds them: by workspace, repository and UUID, read one at a time. */
@Component
class DeploymentEnvironmentNodeType extends ServiceNodeType<RepositoryItem> {

    static final GlobalIdFormat<RepositoryItem> ID = RepositoryItem.globalIdFormat("DeploymentEnvironment");

    DeploymentEnvironmentNodeType(EnvironmentService environments) {
        super(ID, environments::environment);
    }
}
