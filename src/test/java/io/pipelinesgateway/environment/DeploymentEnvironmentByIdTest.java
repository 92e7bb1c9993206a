package io.pipelinesgateway.environment;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;

/** A deployment environment is found again by its ID, with one read of the environment. */
class DeploymentEnvironmentByIdTest extends GatewayTest {

    @Test
    void anEnvironmentIsReadByItsId() {
        given("environment-staging.json");
        String id = GlobalId.encode("DeploymentEnvironment", "acme", "api", "{7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3}");

        graphQl.document("""
                        query Node($id: ID!) { node(id: $id) { id ... on DeploymentEnvironment { uuid name } } }""")
                .variable("id", id)
                .execute()
                .path("node").matchesJsonStrictly("""
                        {"id": "%s", "uuid": "{7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3}", "name": "Staging"}"""
                        .formatted(id));

        bitbucket.verify(exactly(1), getOf("/repositories/acme/api/environments/%7B7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3%7D"));
    }
}
