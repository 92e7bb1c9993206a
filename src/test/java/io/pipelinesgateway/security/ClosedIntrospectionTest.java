package io.pipelinesgateway.security;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static io.pipelinesgateway.security.Refusals.assertRefused;

/**
 * With {@code gateway.security.open-introspection=false} and {@code open-graphiql=false}, introspection, the printed
 * schema and GraphiQL need a credential like everything else.
 */
@TestPropertySource(properties = {"gateway.security.open-introspection=false", "gateway.security.open-graphiql=false"})
class ClosedIntrospectionTest extends GatewayTest {

    @Test
    void introspectionWithoutACredentialIsRefused() {
        assertRefused(graphQl(null).document("{ __schema { queryType { name } } }").execute(), "UNAUTHENTICATED");
    }

    @Test
    void introspectionWithACredentialRuns() {
        graphQl(Fixtures.bearer()).document("{ __schema { queryType { name } } }").execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }

    @Test
    void thePrintedSchemaAndTheGraphiqlPageNeedACredential() {
        http(null, "/graphql/schema").get().exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
        http(null, "/graphiql").get().exchange().expectStatus().isUnauthorized();
        http(Fixtures.bearer(), "/graphql/schema").get().exchange().expectStatus().isOk();
    }
}
