package io.pipelinesgateway.environment;

import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.repository.Repository;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps a repository's deployment environments. */
@Controller
class EnvironmentController {

    private final EnvironmentService environments;

    EnvironmentController(EnvironmentService environments) {
        this.environments = environments;
    }

    @SchemaMapping(typeName = "Repository")
    Mono<Connection<DeploymentEnvironment>> deploymentEnvironments(Repository repository, @Argument Integer first,
            @Argument String after) {
        return environments.environments(repository.workspaceSlug(), repository.slug(), PageRequest.of(first, after));
    }
}
