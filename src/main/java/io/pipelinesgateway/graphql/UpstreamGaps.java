package io.pipelinesgateway.graphql;

import java.util.Map;
import java.util.function.Supplier;

import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.pipelinesgateway.bitbucket.UnreadableValues;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

import org.springframework.stereotype.Component;

/**
 * Makes a value Bitbucket did not send, or sent in a shape the gateway could not read, a null field with an
 * {@code UPSTREAM_INCOMPLETE} error on its own path, instead of a silent null or a lost parent. Bitbucket's spec
 * requires nothing but {@code type} on its objects, so the fields below, which the schema shows as nullable for that
 * reason, say so when their value is missing; and any field read straight from a Bitbucket record says so when
 * {@link UnreadableValues} could not read it.
 */
@Component
class UpstreamGaps extends SimplePerformantInstrumentation {

    /** The fields whose absence from Bitbucket's answer is worth an error: by field name, then type, what lacks. */
    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "uuid", Map.of("Pipeline", "the pipeline's uuid", "Variable", "the variable's uuid",
                    "DeploymentEnvironment", "the environment's uuid", "PipelineSchedule", "the schedule's uuid",
                    "PipelineCache", "the cache's uuid", "KnownHost", "the known host's uuid",
                    "Step", "the step's uuid", "TestCase", "the test case's uuid"),
            "key", Map.of("Variable", "the variable's key", "PipelineVariable", "the variable's key"),
            "buildNumber", Map.of("Pipeline", "the pipeline's build_number"),
            "webUrl", Map.of("Pipeline", "the pipeline's build_number, which its page's address needs"),
            "enabled", Map.of("PipelineSchedule", "whether the schedule is enabled",
                    "PipelinesConfiguration", "whether Pipelines is enabled"));

    private final UnreadableValues unreadable;

    UpstreamGaps(UnreadableValues unreadable) {
        this.unreadable = unreadable;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        // Only the plain reads of a property: the gateway's own resolvers report their failures themselves.
        if (!(fetcher instanceof LightDataFetcher<?> property)) {
            return fetcher;
        }
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        String field = step.getFieldDefinition().getName();
        Map<String, String> byType = EXPECTED.get(field);
        String lacking = byType == null ? null : byType.get(step.getObjectType().getName());
        if (lacking == null && !unreadable.anyRecorded()) {
            return fetcher;
        }
        return new LightDataFetcher<Object>() {
            @Override
            public Object get(GraphQLFieldDefinition definition, Object source,
                    Supplier<DataFetchingEnvironment> environment) throws Exception {
                return checked(property.get(definition, source, environment), source, field, lacking);
            }

            @Override
            public Object get(DataFetchingEnvironment environment) throws Exception {
                return checked(property.get(environment), environment.getSource(), field, lacking);
            }
        };
    }

    private Object checked(Object value, Object source, String field, String lacking) {
        if (value != null) {
            return value;
        }
        if (source != null && unreadable.unreadable(source, field)) {
            throw new GatewayException(ErrorCode.UPSTREAM_INCOMPLETE, "Bitbucket sent '" + field + "' in a shape "
                    + "the gateway could not read, so it is null here; the rest of the answer stands.");
        }
        if (lacking != null) {
            throw new GatewayException(ErrorCode.UPSTREAM_INCOMPLETE, "Bitbucket's answer lacked " + lacking
                    + ", so it is null here; the rest of the answer stands.");
        }
        return null;
    }
}
