package io.pipelinesgateway.persistedquery;

import java.util.Locale;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import io.pipelinesgateway.limits.QueryRejection;

import org.springframework.stereotype.Component;

/**
 * Refuses a mutation or subscription that came with GET, with OPERATION_NOT_ALLOWED_WITH_GET, before any of it runs.
 * GET requests may be repeated, prefetched and cached along the way, which only reading can bear; which operation a
 * hash names is known only once its document is, so the check is made here rather than on the URL.
 */
@Component
class GetRunsQueriesOnly extends SimplePerformantInstrumentation {

    /** Set in the GraphQL context of requests that came with GET. */
    static final String SENT_WITH_GET = GetRunsQueriesOnly.class.getName() + ".get";

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition.Operation operation = parameters.getExecutionContext().getOperationDefinition()
                .getOperation();
        boolean sentWithGet = Boolean.TRUE.equals(parameters.getExecutionContext().getGraphQLContext()
                .get(SENT_WITH_GET));
        if (sentWithGet && operation != OperationDefinition.Operation.QUERY) {
            throw QueryRejection.of(PersistedQueryCode.OPERATION_NOT_ALLOWED_WITH_GET.name(),
                    "Only queries may be sent with GET; send this " + operation.name().toLowerCase(Locale.ROOT)
                            + " with POST.", Map.of());
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
