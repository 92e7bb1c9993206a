package io.pipelinesgateway.limits;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses a query that nests deeper than {@code gateway.graphql.max-depth} with QUERY_TOO_DEEP, after validation and
 * before any field runs. The schema has cycles (a pipeline's repository's pipelines' repository...), so without a
 * bound one short query could ask for the same data again and again.
 */
@Component
// Before complexity: a deep query is told it is too deep, the clearer of the two reasons.
@Order(2)
class QueryDepthLimit extends SimplePerformantInstrumentation {

    private final int maxDepth;
    private final OperationMeasures measures;

    QueryDepthLimit(QueryLimitsProperties properties, OperationMeasures measures) {
        this.maxDepth = properties.maxDepth();
        this.measures = measures;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        int depth = measures.of(parameters.getExecutionContext()).depth();
        if (depth > maxDepth) {
            throw QueryLimitCode.QUERY_TOO_DEEP.refusal(String.format(
                    "The query nests fields %d deep; the gateway allows at most %d. Ask for fewer levels, or follow "
                            + "a path in a second query (e.g. with node(id:)).", depth, maxDepth), maxDepth, depth);
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
