package io.pipelinesgateway.environment;

import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.NodeType;
import io.pipelinesgateway.repository.RepositoryItem;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Deployment environments as {@code node} finds them: by workspace, repository and UUID, read one at a time. */
@Component
class DeploymentEnvironmentNodeType implements NodeType<RepositoryItem> {

    static final GlobalIdFormat<RepositoryItem> ID = RepositoryItem.globalIdFormat("DeploymentEnvironment");

    private final EnvironmentService environments;

    DeploymentEnvironmentNodeType(EnvironmentService environments) {
        this.environments = environments;
    }

    @Override
    public GlobalIdFormat<RepositoryItem> id() {
        return ID;
    }

    @Override
    public Mono<DeploymentEnvironment> load(RepositoryItem item, DataFetchingEnvironment environment) {
        return environments.environment(item);
    }
}
