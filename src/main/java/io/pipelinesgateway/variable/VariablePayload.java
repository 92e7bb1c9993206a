package io.pipelinesgateway.variable;

import java.util.List;

import io.pipelinesgateway.graphql.UserError;

/** What {@code createVariable} and {@code updateVariable} return: the variable as Bitbucket now has it, or why not. */
record VariablePayload(Variable variable, List<UserError> userErrors) {

    static VariablePayload of(Variable variable) {
        return new VariablePayload(variable, List.of());
    }

    static VariablePayload rejected(UserError error) {
        return new VariablePayload(null, List.of(error));
    }
}
