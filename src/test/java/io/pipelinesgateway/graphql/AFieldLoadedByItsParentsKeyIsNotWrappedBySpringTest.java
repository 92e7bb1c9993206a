package io.pipelinesgateway.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository entry point and the fields read through a DataLoader below every repository, pipeline, step and test
 * case run as the {@link LoadedField} they are wired with, not inside Spring's annotated-method invocation and its
 * context decorator (a handler method built, arguments bound, the request's context captured and restored, on each of
 * a dashboard's thousand such fields).
 */
class AFieldLoadedByItsParentsKeyIsNotWrappedBySpringTest extends GatewayTest {

    @Autowired
    private GraphQlSource graphQlSource;

    @Test
    void theRepositoryAndTheFieldsBelowEveryRepositoryPipelineStepAndTestCaseAreFetchedByTheirLoadedFieldsThemselves() {
        assertThat(fetcherOf("Query", "repository")).isInstanceOf(LoadedField.class);
        assertThat(fetcherOf("Repository", "pipelines")).isInstanceOf(LoadedField.class);
        assertThat(fetcherOf("Pipeline", "steps")).isInstanceOf(LoadedField.class);
        assertThat(fetcherOf("Step", "testReport")).isInstanceOf(LoadedField.class);
        assertThat(fetcherOf("Step", "testCases")).isInstanceOf(LoadedField.class);
        assertThat(fetcherOf("TestCase", "reasons")).isInstanceOf(LoadedField.class);
    }

    private DataFetcher<?> fetcherOf(String type, String field) {
        GraphQLSchema schema = graphQlSource.schema();
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLObjectType objectType = schema.getObjectType(type);
        return registry.getDataFetcher(FieldCoordinates.coordinates(type, field), objectType.getField(field));
    }
}
