package io.pipelinesgateway.variable;

import java.util.ArrayList;
import java.util.List;

import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.NodeType;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Variables as {@code node} finds them, at whatever level they are defined. */
@Component
class VariableNodeType implements NodeType<VariableScope.Located> {

    /**
     * A variable's ID: the level, the level's coordinates, and the variable's UUID, or its key where Bitbucket
     * listed it without a UUID; how many coordinates there are depends on the level.
     */
    static final GlobalIdFormat<VariableScope.Located> ID = new GlobalIdFormat<>("Variable",
            VariableNodeType::parts, VariableScope::locate);

    private final VariableService variables;

    VariableNodeType(VariableService variables) {
        this.variables = variables;
    }

    private static List<String> parts(VariableScope.Located located) {
        List<String> parts = new ArrayList<>(located.scope().coordinates().size() + 2);
        parts.add(located.scope().level().name());
        parts.addAll(located.scope().coordinates());
        parts.add(located.uuid() != null ? located.uuid() : located.key());
        return parts;
    }

    @Override
    public GlobalIdFormat<VariableScope.Located> id() {
        return ID;
    }

    @Override
    public Mono<Variable> load(VariableScope.Located located, DataFetchingEnvironment environment) {
        return variables.variable(located);
    }
}
