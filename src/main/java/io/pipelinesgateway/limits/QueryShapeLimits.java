package io.pipelinesgateway.limits;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses, after validation and before any field runs, a query that nests deeper than
 * {@code gateway.graphql.max-depth} (QUERY_TOO_DEEP) or whose answer could hold more objects than
 * {@code gateway.graphql.max-complexity} (QUERY_TOO_COMPLEX). The schema has cycles (a pipeline's repository's
 * pipelines' repository...), so without a bound one short query could ask for the same data again and again; and a
 * query asking for a million pipelines costs Bitbucket nothing this way. How objects are counted is
 * {@link QueryCost}'s; both measures are taken once per operation ({@link OperationMeasures}).
 */
@Component
@Order(2)
class QueryShapeLimits extends SimplePerformantInstrumentation {

    private final int maxDepth;
    private final long maxComplexity;
    private final OperationMeasures measures;

    QueryShapeLimits(QueryLimitsProperties properties, OperationMeasures measures) {
        this.maxDepth = properties.maxDepth();
        this.maxComplexity = properties.maxComplexity();
        this.measures = measures;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationMeasures.Measures measured = measures.of(parameters.getExecutionContext());
        // Depth first: a deep query is told it is too deep, the clearer of the two reasons.
        if (measured.depth() > maxDepth) {
            throw QueryLimitCode.QUERY_TOO_DEEP.refusal(String.format(
                    "The query nests fields %d deep; the gateway allows at most %d. Ask for fewer levels, or follow "
                            + "a path in a second query (e.g. with node(id:)).", measured.depth(), maxDepth),
                    maxDepth, measured.depth());
        }
        if (measured.complexity() > maxComplexity) {
            throw QueryLimitCode.QUERY_TOO_COMPLEX.refusal(String.format(
                    "The query could return up to %,d objects; the gateway allows at most %,d. Lower the 'first' of "
                            + "nested connections, or split the query (e.g. one query per repository).",
                    measured.complexity(), maxComplexity), maxComplexity, measured.complexity());
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
