package io.pipelinesgateway.variable;

import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.workspace.Workspace;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps the variables of a workspace. */
@Controller
class VariableController {

    private final VariableService variables;

    VariableController(VariableService variables) {
        this.variables = variables;
    }

    @SchemaMapping(typeName = "Workspace")
    Mono<Connection<PipelineVariable>> variables(Workspace workspace, @Argument Integer first,
            @Argument String after) {
        return variables.workspaceVariables(workspace.slug(), PageRequest.of(first, after));
    }
}
