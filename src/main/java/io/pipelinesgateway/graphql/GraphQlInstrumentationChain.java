package io.pipelinesgateway.graphql;

import java.lang.reflect.Method;
import java.util.List;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ReflectionUtils;

/**
 * Chains the gateway's instrumentations (the limits, access, the record of each operation, Spring's observation) as
 * graphql-java's chain does, but for the hooks it calls on every field and object of an answer: its execution, fetch,
 * completion, list completion and object. graphql-java's chain asks each instrumentation on each of them and builds a
 * context of their answers, though none of the gateway's takes one of those hooks; this chain asks only where one
 * does. On a small warm query that was a twentieth of its CPU, and an answer of thousands of fields pays it on each.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlInstrumentationChain {

    /** In place of the chain Spring for GraphQL builds, the same instrumentations in the same order. */
    @Bean
    GraphQlSourceBuilderCustomizer instrumentationChain(ObjectProvider<Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(
                new FieldHooksWhereTaken(instrumentations.orderedStream().toList())));
    }

    /** A chain that leaves out the per-field hooks none of its instrumentations takes. */
    static final class FieldHooksWhereTaken extends ChainedInstrumentation {

        private final boolean fieldExecution;
        private final boolean fieldFetching;
        private final boolean fieldCompletion;
        private final boolean fieldListCompletion;
        private final boolean executeObject;

        FieldHooksWhereTaken(List<Instrumentation> instrumentations) {
            super(instrumentations);
            this.fieldExecution = anyTakes(instrumentations, "beginFieldExecution",
                    InstrumentationFieldParameters.class);
            this.fieldFetching = anyTakes(instrumentations, "beginFieldFetching",
                    InstrumentationFieldFetchParameters.class)
                    || anyTakes(instrumentations, "beginFieldFetch", InstrumentationFieldFetchParameters.class);
            this.fieldCompletion = anyTakes(instrumentations, "beginFieldCompletion",
                    InstrumentationFieldCompleteParameters.class);
            this.fieldListCompletion = anyTakes(instrumentations, "beginFieldListCompletion",
                    InstrumentationFieldCompleteParameters.class);
            this.executeObject = anyTakes(instrumentations, "beginExecuteObject",
                    InstrumentationExecutionStrategyParameters.class);
        }

        /**
         * Whether one of {@code instrumentations} takes the hook {@code name}: declares it somewhere below
         * graphql-java's do-nothing implementations of it.
         */
        private static boolean anyTakes(List<Instrumentation> instrumentations, String name, Class<?> parameters) {
            return instrumentations.stream().anyMatch(instrumentation -> {
                Method hook = ReflectionUtils.findMethod(instrumentation.getClass(), name, parameters,
                        InstrumentationState.class);
                return hook != null && hook.getDeclaringClass() != Instrumentation.class
                        && hook.getDeclaringClass() != SimplePerformantInstrumentation.class;
            });
        }

        @Override
        public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
                InstrumentationState state) {
            return fieldExecution ? super.beginFieldExecution(parameters, state) : null;
        }

        @Override
        public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            return fieldFetching ? super.beginFieldFetching(parameters, state) : null;
        }

        @Override
        public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                InstrumentationState state) {
            return fieldCompletion ? super.beginFieldCompletion(parameters, state) : null;
        }

        @Override
        public InstrumentationContext<Object> beginFieldListCompletion(
                InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
            return fieldListCompletion ? super.beginFieldListCompletion(parameters, state) : null;
        }

        @Override
        public ExecuteObjectInstrumentationContext beginExecuteObject(
                InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
            return executeObject ? super.beginExecuteObject(parameters, state) : null;
        }
    }
}
