package io.pipelinesgateway.graphql;

import java.util.Locale;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition.Operation;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.persistedquery.PersistedQueryCode;

import org.springframework.stereotype.Component;

/**
 * Refuses, before any of it runs, an operation its {@link HttpTransport} cannot carry: a mutation or subscription
 * that came with GET (OPERATION_NOT_ALLOWED_WITH_GET, answered 405), and a subscription sent as a plain JSON POST
 * (BAD_USER_INPUT, naming the transports that stream). Which operation runs is known only once its document is
 * (a persisted query's hash names it), so the check is made here rather than on the HTTP request.
 */
@Component
class OperationFitsTheTransport extends SimplePerformantInstrumentation {

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        Operation operation = parameters.getExecutionContext().getOperationDefinition().getOperation();
        HttpTransport transport = parameters.getExecutionContext().getGraphQLContext().get(HttpTransport.CONTEXT_KEY);
        if (transport == HttpTransport.GET && operation != Operation.QUERY) {
            throw QueryRejection.of(PersistedQueryCode.OPERATION_NOT_ALLOWED_WITH_GET.name(),
                    "Only queries may be sent with GET; send this " + operation.name().toLowerCase(Locale.ROOT)
                            + " with POST.", Map.of());
        }
        if (transport == HttpTransport.POST && operation == Operation.SUBSCRIPTION) {
            throw QueryRejection.of(ErrorCode.BAD_USER_INPUT.name(), "A subscription streams its events, which one "
                    + "JSON answer cannot hold: subscribe over a WebSocket at /graphql (graphql-transport-ws), or "
                    + "POST it with 'Accept: text/event-stream' (Server-Sent Events).", Map.of());
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
