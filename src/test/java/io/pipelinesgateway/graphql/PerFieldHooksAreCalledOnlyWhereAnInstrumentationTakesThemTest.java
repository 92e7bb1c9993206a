package io.pipelinesgateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.pipelinesgateway.graphql.GraphQlInstrumentationChain.FieldHooksWhereTaken;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * graphql-java's chain of instrumentations asks each of them on five hooks of every field and object of an answer
 * and builds a context of their answers; the gateway's chain asks only where one of them takes the hook, and keeps
 * everything else of the chain: each instrumentation, in order, on every other hook.
 */
class PerFieldHooksAreCalledOnlyWhereAnInstrumentationTakesThemTest extends GatewayTest {

    private static final GraphQL.Builder PIPELINES = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("type Query { pipelines: [Pipeline] } type Pipeline { number: Int status: String }"),
            RuntimeWiring.newRuntimeWiring().type("Query", query -> query.dataFetcher("pipelines",
                    environment -> List.of(Map.of("number", 1, "status", "SUCCESSFUL"),
                            Map.of("number", 2, "status", "FAILED")))).build()));

    @Autowired
    private GraphQlSource graphQlSource;

    @Autowired
    private ObjectProvider<Instrumentation> instrumentations;

    @Test
    void theGatewaysGraphQlChainsEachOfItsInstrumentationsInOrderAndNoneTakesAPerFieldHook() {
        Instrumentation chain = graphQlSource.graphQl().getInstrumentation();

        assertThat(chain).isInstanceOf(FieldHooksWhereTaken.class);
        assertThat(((FieldHooksWhereTaken) chain).getInstrumentations())
                .containsExactlyElementsOf(instrumentations.orderedStream().toList());
        assertThat(chain.beginFieldCompletion(null, null)).isNull();
        assertThat(chain.beginFieldExecution(null, null)).isNull();
        assertThat(chain.beginFieldFetching(null, null)).isNull();
        assertThat(chain.beginExecuteObject(null, null)).isNull();
    }

    @Test
    void anInstrumentationThatTakesAPerFieldHookIsCalledOnEachFieldBesideTheOthers() {
        AtomicInteger completions = new AtomicInteger();
        List<String> executions = new ArrayList<>();
        Instrumentation completionCounter = new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                    InstrumentationState state) {
                completions.incrementAndGet();
                return null;
            }
        };
        Instrumentation executionRecorder = new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecution(
                    graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters parameters,
                    InstrumentationState state) {
                executions.add(parameters.getQuery());
                return null;
            }
        };
        FieldHooksWhereTaken chain = new FieldHooksWhereTaken(List.of(executionRecorder, completionCounter));

        ExecutionResult result = PIPELINES.instrumentation(chain).build()
                .execute("{ pipelines { number status } }");

        assertThat(result.getErrors()).isEmpty();
        // pipelines, then number and status of each of the two
        assertThat(completions).hasValue(5);
        assertThat(executions).containsExactly("{ pipelines { number status } }");
        assertThat(chain.beginFieldExecution(null, null)).as("a hook none takes").isNull();
    }
}
