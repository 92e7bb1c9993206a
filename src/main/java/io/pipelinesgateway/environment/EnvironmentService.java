package io.pipelinesgateway.environment;

import io.pipelinesgateway.bitbucket.ConfigurationEndpoints;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.repository.RepositoryItem;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads a repository's deployment environments, whose variables the variable service serves. */
@Service
public class EnvironmentService {

    private final ConfigurationEndpoints bitbucket;

    EnvironmentService(ConfigurationEndpoints bitbucket) {
        this.bitbucket = bitbucket;
    }

    Mono<Connection<DeploymentEnvironment>> environments(String workspace, String repository, PageRequest page) {
        return bitbucket.environments(workspace, repository).window(page.offset(), page.first())
                .map(window -> Connection.of(window, page.offset(),
                        environment -> DeploymentEnvironment.from(workspace, repository, environment)));
    }

    /** The environment a global ID names. */
    Mono<DeploymentEnvironment> environment(RepositoryItem item) {
        return bitbucket.environment(item.workspace(), item.repository(), item.uuid())
                .map(environment -> DeploymentEnvironment.from(item.workspace(), item.repository(), environment));
    }
}
