package io.pipelinesgateway.variable;

import io.pipelinesgateway.bitbucket.PathSegments;
import io.pipelinesgateway.environment.DeploymentEnvironment;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.repository.Repository;
import io.pipelinesgateway.workspace.Workspace;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps variables at every level, and the mutations that create, change and delete them. */
@Controller
class VariableController {

    private final VariableService variables;

    VariableController(VariableService variables) {
        this.variables = variables;
    }

    @SchemaMapping(typeName = "Workspace", field = "variables")
    Mono<Connection<Variable>> workspaceVariables(Workspace workspace, @Argument Integer first,
            @Argument String after) {
        return variables.variables(VariableScope.workspace(workspace.slug()), PageRequest.of(first, after));
    }

    @SchemaMapping(typeName = "Repository", field = "variables")
    Mono<Connection<Variable>> repositoryVariables(Repository repository, @Argument Integer first,
            @Argument String after) {
        return variables.variables(VariableScope.repository(repository.workspaceSlug(), repository.slug()),
                PageRequest.of(first, after));
    }

    @SchemaMapping(typeName = "DeploymentEnvironment", field = "variables")
    Mono<Connection<Variable>> environmentVariables(DeploymentEnvironment environment, @Argument Integer first,
            @Argument String after) {
        return variables.variables(VariableScope.deploymentEnvironment(environment.workspace(),
                environment.repository(), environment.uuid()), PageRequest.of(first, after));
    }

    @QueryMapping
    Mono<Connection<Variable>> teamVariables(@Argument String team, @Argument Integer first, @Argument String after) {
        return variables.variables(VariableScope.team(PathSegments.workspace(team, "team")), PageRequest.of(first, after));
    }

    @QueryMapping
    Mono<Connection<Variable>> userVariables(@Argument String user, @Argument Integer first, @Argument String after) {
        return variables.variables(VariableScope.user(user), PageRequest.of(first, after));
    }

    @MutationMapping
    Mono<VariablePayload> createVariable(@Argument VariableInputs.Create input) {
        return variables.create(input);
    }

    @MutationMapping
    Mono<VariablePayload> updateVariable(@Argument VariableInputs.Update input) {
        return variables.update(input);
    }

    @MutationMapping
    Mono<DeletePayload> deleteVariable(@Argument VariableInputs.Delete input) {
        return variables.delete(input);
    }
}
