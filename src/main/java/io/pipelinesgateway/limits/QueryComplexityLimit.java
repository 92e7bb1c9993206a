package io.pipelinesgateway.limits;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses a query whose answer could hold more objects than {@code gateway.graphql.max-complexity} with
 * QUERY_TOO_COMPLEX, after validation and before any field runs, so a query asking for a million pipelines costs
 * Bitbucket nothing. How objects are counted is {@link QueryCost}'s.
 */
@Component
@Order(3)
class QueryComplexityLimit extends SimplePerformantInstrumentation {

    private final long maxComplexity;
    private final OperationMeasures measures;

    QueryComplexityLimit(QueryLimitsProperties properties, OperationMeasures measures) {
        this.maxComplexity = properties.maxComplexity();
        this.measures = measures;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        long complexity = measures.of(parameters.getExecutionContext()).complexity();
        if (complexity > maxComplexity) {
            throw QueryLimitCode.QUERY_TOO_COMPLEX.refusal(String.format(
                    "The query could return up to %,d objects; the gateway allows at most %,d. Lower the 'first' of "
                            + "nested connections, or split the query (e.g. one query per repository).",
                    complexity, maxComplexity), maxComplexity, complexity);
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
