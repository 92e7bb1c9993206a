package io.pipelinesgateway.logging;

import graphql.ExecutionResult;
import java.util.Locale;

import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

import org.springframework.stereotype.Component;

/**
 * Notes in the GraphQL context which operation graphql-java chose to run (its type and name), which only it knows
 * once the document is parsed, for the {@link AccessLog} to write.
 */
@Component
class OperationRecorder extends SimplePerformantInstrumentation {

    static final String TYPE = OperationRecorder.class.getName() + ".type";
    static final String NAME = OperationRecorder.class.getName() + ".name";

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        execution.getGraphQLContext().put(TYPE, execution.getOperationDefinition().getOperation().name()
                .toLowerCase(Locale.ROOT));
        if (execution.getOperationDefinition().getName() != null) {
            execution.getGraphQLContext().put(NAME, execution.getOperationDefinition().getName());
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
