package io.pipelinesgateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;

import static io.pipelinesgateway.security.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While {@code gateway.security.open-introspection} is on (the default), operations that only introspect the schema,
 * the printed schema and the GraphiQL page need no credential, so GraphiQL's documentation and autocompletion work
 * before a credential is set; an operation that also asks for data is still refused.
 */
class IntrospectionNeedsNoCredentialTest extends GatewayTest {

    @Test
    void graphiqlsIntrospectionQueryRunsWithoutACredential() throws IOException {
        String introspection = new ClassPathResource("queries/graphiql-introspection.graphql")
                .getContentAsString(StandardCharsets.UTF_8);

        graphQl(null).document(introspection).execute()
                .errors().verify()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aTypeLookupAndTypenameRunWithoutACredential() {
        graphQl(null).document("{ __typename __type(name: \"Pipeline\") { name } }").execute()
                .errors().verify()
                .path("__type.name").entity(String.class).isEqualTo("Pipeline");
    }

    @Test
    void introspectionNextToADataFieldIsRefused() {
        GraphQlTester.Response response = graphQl(null)
                .document("{ __typename workspace(slug: \"acme\") { slug } }").execute();

        assertRefused(response, "UNAUTHENTICATED");
        // Refused as a whole before it ran, not field by field: nothing of it was answered.
        response.path("__typename").pathDoesNotExist();

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void thePrintedSchemaAndTheGraphiqlPageAreOpen() {
        http(null, "/graphql/schema").get().exchange().expectStatus().isOk();
        http(null, "/graphiql").get().exchange().expectStatus().isOk();
        http(null, "/webjars/graphiql/2.4.7/graphiql.min.js").get().exchange().expectStatus().isOk();
    }
}
