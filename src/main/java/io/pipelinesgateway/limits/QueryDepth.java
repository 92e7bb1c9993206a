package io.pipelinesgateway.limits;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import io.pipelinesgateway.graphql.OperationTraverser;

/**
 * Measures how deep a query nests: the most fields on one path from a root field (depth 1) to a leaf.
 * Introspection fields are not counted (see {@link OperationTraverser#isIntrospection}).
 */
final class QueryDepth {

    private QueryDepth() {
    }

    static int of(QueryTraverser traverser) {
        return traverser.reducePreOrder((field, deepest) -> Math.max(deepest, depthOf(field)), 0);
    }

    private static int depthOf(QueryVisitorFieldEnvironment field) {
        if (OperationTraverser.isIntrospection(field)) {
            return 0;
        }
        int depth = 0;
        for (QueryVisitorFieldEnvironment at = field; at != null; at = at.getParentEnvironment()) {
            depth++;
        }
        return depth;
    }
}
