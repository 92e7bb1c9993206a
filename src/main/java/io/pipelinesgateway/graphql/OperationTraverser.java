package io.pipelinesgateway.graphql;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.ExecutionContext;

/**
 * Walks the operation about to run, with fragments expanded, variables and argument defaults applied, and fields
 * skipped by {@code @skip}/{@code @include} left out: what the limits measure (and what inbound security lets run
 * without a caller) is what would execute.
 */
public final class OperationTraverser {

    private OperationTraverser() {
    }

    public static QueryTraverser of(ExecutionContext context) {
        return QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build();
    }

    /**
     * Whether a field belongs to introspection ({@code __schema}, {@code __type}, {@code __typename} and what they
     * contain). Introspection is bounded by the schema and checked by graphql-java's own good-faith introspection
     * rules, and GraphiQL's introspection query is deeper than any sensible data query, so the limits leave it out.
     */
    public static boolean isIntrospection(QueryVisitorFieldEnvironment field) {
        for (QueryVisitorFieldEnvironment at = field; at != null; at = at.getParentEnvironment()) {
            if (at.getField().getName().startsWith("__")) {
                return true;
            }
        }
        return false;
    }
}
