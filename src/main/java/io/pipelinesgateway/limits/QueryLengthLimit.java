package io.pipelinesgateway.limits;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses a query document longer than {@code gateway.graphql.max-query-length} characters with QUERY_TOO_LARGE,
 * before it is parsed: parsing and validating is work a caller could otherwise make the gateway do at will.
 */
@Component
// Checked first of the three: it is the cheapest, and a refused document is never parsed.
@Order(1)
class QueryLengthLimit extends SimplePerformantInstrumentation {

    private final int maxLength;

    QueryLengthLimit(QueryLimitsProperties properties) {
        this.maxLength = properties.maxQueryLength();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        String query = parameters.getQuery();
        int length = query == null ? 0 : query.length();
        if (length > maxLength) {
            throw QueryLimitCode.QUERY_TOO_LARGE.refusal(String.format(
                    "The query is %,d characters long; the gateway accepts at most %,d. Move repeated selections into "
                            + "fragments and values into variables, or split it into several queries.",
                    length, maxLength), maxLength, length);
        }
        return super.beginExecution(parameters, state);
    }
}
