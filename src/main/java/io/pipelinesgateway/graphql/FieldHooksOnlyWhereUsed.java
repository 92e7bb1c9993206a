package io.pipelinesgateway.graphql;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationReactiveResultsParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Asks each field of a query only the instrumentations that do something per field. graphql-java's chain asks every
 * instrumentation at each of a field's hooks (fetching, completing, the fetcher itself), and most of the gateway's act
 * once per operation only (the query limits, the transport check, the operation's log line): on a warm dashboard of
 * thousands of fields that asking was a tenth of the time. The same instrumentations, in the same order, see every
 * operation-level hook; consecutive ones that override no field hook are grouped behind one member of the chain,
 * which forwards the operation's hooks to them and answers the field's with nothing, as they would.
 */
@Configuration(proxyBeanMethods = false)
class FieldHooksOnlyWhereUsed {

    /** The hooks graphql-java calls per field, per object or per list, rather than once per operation. */
    static final Set<String> FIELD_HOOKS = Set.of("beginExecutionStrategy", "beginExecuteObject",
            "beginDeferredField", "beginSubscribedFieldEvent", "beginFieldExecution", "beginFieldFetch",
            "beginFieldFetching", "beginFieldCompletion", "beginFieldListCompletion", "instrumentDataFetcher");

    /** Replaces the chain Spring for GraphQL builds of the same instrumentation beans, in the same order. */
    @Bean
    GraphQlSourceBuilderCustomizer instrumentationChain(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> {
            List<Instrumentation> all = instrumentations.orderedStream().toList();
            if (!all.isEmpty()) {
                graphQl.instrumentation(chain(all));
            }
        });
    }

    /** {@code all} in order, each run of operation-level ones grouped into one member. */
    static ChainedInstrumentation chain(List<Instrumentation> all) {
        List<Instrumentation> members = new ArrayList<>();
        List<Instrumentation> run = new ArrayList<>();
        for (Instrumentation instrumentation : all) {
            if (hooksFields(instrumentation)) {
                if (!run.isEmpty()) {
                    members.add(new OperationHooksOnly(run));
                    run = new ArrayList<>();
                }
                members.add(instrumentation);
            }
            else {
                run.add(instrumentation);
            }
        }
        if (!run.isEmpty()) {
            members.add(new OperationHooksOnly(run));
        }
        return new ChainedInstrumentation(members);
    }

    /** Whether {@code instrumentation} overrides any hook of {@link #FIELD_HOOKS}. */
    static boolean hooksFields(Instrumentation instrumentation) {
        return Arrays.stream(instrumentation.getClass().getMethods())
                .filter(method -> FIELD_HOOKS.contains(method.getName()))
                .map(Method::getDeclaringClass)
                .anyMatch(declared -> declared != Instrumentation.class
                        && declared != SimplePerformantInstrumentation.class);
    }

    /**
     * Instrumentations that act once per operation, as one member of the chain: every operation-level hook goes to
     * them, in their order, and the field hooks, which none of them overrides, are not passed on.
     */
    static final class OperationHooksOnly extends SimplePerformantInstrumentation {

        private final ChainedInstrumentation operations;

        OperationHooksOnly(List<Instrumentation> operations) {
            this.operations = new ChainedInstrumentation(operations);
        }

        List<Instrumentation> instrumentations() {
            return operations.getInstrumentations();
        }

        @Override
        public CompletableFuture<InstrumentationState> createStateAsync(
                InstrumentationCreateStateParameters parameters) {
            return operations.createStateAsync(parameters);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            return operations.beginExecution(parameters, state);
        }

        @Override
        public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            return operations.beginParse(parameters, state);
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(
                InstrumentationValidationParameters parameters, InstrumentationState state) {
            return operations.beginValidation(parameters, state);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            return operations.beginExecuteOperation(parameters, state);
        }

        @Override
        public InstrumentationContext<Void> beginReactiveResults(InstrumentationReactiveResultsParameters parameters,
                InstrumentationState state) {
            return operations.beginReactiveResults(parameters, state);
        }

        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            return operations.instrumentExecutionInput(input, parameters, state);
        }

        @Override
        public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            return operations.instrumentDocumentAndVariables(documentAndVariables, parameters, state);
        }

        @Override
        public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            return operations.instrumentSchema(schema, parameters, state);
        }

        @Override
        public ExecutionContext instrumentExecutionContext(ExecutionContext context,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            return operations.instrumentExecutionContext(context, parameters, state);
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            return operations.instrumentExecutionResult(result, parameters, state);
        }
    }
}
