package io.pipelinesgateway.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.pipelinesgateway.support.LogLines;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line that logs an unexpected failure of a field carries the request's id, although graphql-java resolves the
 * failure on whichever thread completed the field: the resolver restores it from the GraphQL context, where the
 * request's Reactor context was copied.
 */
class UnexpectedFailuresAreLoggedWithTheRequestIdTest {

    @Test
    void theFailuresLineCarriesTheRequestId() {
        DataFetchingEnvironment environment = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .graphQLContext(GraphQLContext.of(Map.of("requestId", "resolver-trace-1")))
                .mergedField(MergedField.newMergedField(Field.newField("buildNumber").build()).build())
                .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
                        .type(Scalars.GraphQLString)
                        .path(ResultPath.parse("/pipeline/buildNumber"))
                        .build())
                .build();
        try (LogLines lines = LogLines.of(GatewayExceptionResolver.class.getName(), Level.ERROR)) {
            List<GraphQLError> errors = new GatewayExceptionResolver()
                    .resolveException(new IllegalStateException("unforeseen"), environment)
                    .block(Duration.ofSeconds(5));

            assertThat(errors).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INTERNAL_ERROR"));
            assertThat(lines.lines()).singleElement()
                    .satisfies(line -> assertThat(line.mdc()).containsEntry("requestId", "resolver-trace-1"));
        }
    }
}
