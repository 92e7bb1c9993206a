package io.pipelinesgateway.limits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.pipelinesgateway.support.RecordingUpstreamGatewayTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL's introspection query (as GraphiQL 2.4.7 sends it, with input value deprecation and the schema
 * description) passes the limits, so GraphiQL keeps its documentation and autocompletion.
 */
class IntrospectionPassesTheLimitsTest extends RecordingUpstreamGatewayTest {

    @Test
    void graphiqlsIntrospectionQueryIsAnswered() throws IOException {
        String query;
        try (InputStream in = getClass().getResourceAsStream("/queries/graphiql-introspection.graphql")) {
            query = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        var response = graphQl().document(query).execute();

        response.errors().verify();
        response.path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
        response.path("__schema.types[*].name").entityList(String.class).contains("Pipeline", "Step");
    }
}
