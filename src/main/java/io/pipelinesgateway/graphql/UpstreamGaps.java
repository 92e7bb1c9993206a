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
        // Only the plain reads of a property: the gateway's own resolvers report their failures themselves. Nothing
        // of the field is asked for here: that would build the environment graphql-java spares a plain property read,
        // on every field of every answer. The field and its type are looked at only when a value is missing.
        if (!(fetcher instanceof LightDataFetcher<?> property)) {
            return fetcher;
        }
        return new LightDataFetcher<Object>() {
            @Override
            public Object get(GraphQLFieldDefinition definition, Object source,
                    Supplier<DataFetchingEnvironment> environment) throws Exception {
                Object value = property.get(definition, source, environment);
                return value != null ? value
                        : missing(definition.getName(), source, () -> environment.get().getExecutionStepInfo());
            }

            @Override
            public Object get(DataFetchingEnvironment environment) throws Exception {
                Object value = property.get(environment);
                return value != null ? value : missing(environment.getFieldDefinition().getName(),
                        environment.getSource(), environment::getExecutionStepInfo);
            }
        };
    }

    /** A property without a value: an error on its path when it could not be read or should have been there. */
    private Object missing(String field, Object source, Supplier<ExecutionStepInfo> step) {
        if (source != null && unreadable.unreadable(source, field)) {
            throw new GatewayException(ErrorCode.UPSTREAM_INCOMPLETE, "Bitbucket sent '" + field + "' in a shape "
                    + "the gateway could not read, so it is null here; the rest of the answer stands.");
        }
        Map<String, String> byType = EXPECTED.get(field);
        String lacking = byType == null ? null : byType.get(step.get().getObjectType().getName());
        if (lacking != null) {
            throw new GatewayException(ErrorCode.UPSTREAM_INCOMPLETE, "Bitbucket's answer lacked " + lacking
                    + ", so it is null here; the rest of the answer stands.");
        }
        return null;
    }
}
