package io.pipelinesgateway.limits;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.pipelinesgateway.graphql.OperationTraverser;

/**
 * Counts the most objects a query's answer can hold: its complexity. What a query costs upstream grows with the
 * objects it asks for, and nested connections multiply: {@code first: 100} three levels deep is a million.
 * <ul>
 *   <li>every field that returns an object counts 1 each time it can appear;</li>
 *   <li>a connection (a field with a {@code first} argument) appears {@code first} times, its schema default when
 *       the query leaves it out, and everything selected inside it is multiplied by that;</li>
 *   <li>another list of objects ({@code steps}, {@code reasons}) appears {@code assumedListSize} times, and
 *       {@code nodes(ids:)} as many times as it is given ids;</li>
 *   <li>a connection's own plumbing ({@code edges}, {@code nodes}, {@code node}, {@code pageInfo}) adds nothing,
 *       its items are already counted; scalars and introspection add nothing.</li>
 * </ul>
 * Counts saturate at {@link Long#MAX_VALUE} rather than overflow, so no query can wrap around to a small number.
 */
final class QueryCost {

    private QueryCost() {
    }

    static long of(QueryTraverser traverser, int assumedListSize) {
        // Post-order: a field's children are all visited before it, so their costs are summed when it is reached.
        Map<QueryVisitorFieldEnvironment, Long> childCosts = new HashMap<>();
        long[] total = {0};
        traverser.visitPostOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment field) {
                long cost = costOf(field, childCosts.getOrDefault(field, 0L), assumedListSize);
                QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
                if (parent == null) {
                    total[0] = plus(total[0], cost);
                }
                else {
                    childCosts.merge(parent, cost, QueryCost::plus);
                }
            }
        });
        return total[0];
    }

    private static long costOf(QueryVisitorFieldEnvironment field, long children, int assumedListSize) {
        if (OperationTraverser.isIntrospection(field)) {
            return 0;
        }
        if (isConnectionPlumbing(field.getParentType())) {
            return children;
        }
        if (field.getFieldDefinition().getArgument("first") != null) {
            return times(pageSize(field.getArguments().get("first")), plus(1, children));
        }
        GraphQLOutputType type = field.getFieldDefinition().getType();
        if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLCompositeType)) {
            return 0;
        }
        if (GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList) {
            long items = field.getArguments().get("ids") instanceof Collection<?> ids ? ids.size() : assumedListSize;
            return times(items, plus(1, children));
        }
        return plus(1, children);
    }

    /** The wrapper types of Relay connections, named by the schema's convention. */
    private static boolean isConnectionPlumbing(GraphQLType parentType) {
        String name = GraphQLTypeUtil.unwrapAll(parentType).getName();
        return name.endsWith("Connection") || name.endsWith("Edge");
    }

    /** {@code first} as the query gave it, or its schema default (argument defaults are applied by the traverser). */
    private static long pageSize(Object first) {
        // An explicit null falls back to the controllers' default page size.
        return first instanceof Number number ? Math.max(0, number.longValue()) : 20;
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long times(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }
}
