package io.pipelinesgateway.variable;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static io.pipelinesgateway.support.Fixtures.bearer;

/** A workspace's Pipelines variables: {@code GET /workspaces/{workspace}/pipelines-config/variables}. */
class WorkspaceVariablesTest extends GatewayTest {

    @Test
    void readsTheVariablesAndNeverAValueOfASecuredOne() {
        given("workspace-acme.json");
        given("workspace-variables.json");

        graphQl.document("""
                        { workspace(slug: "acme") { variables { totalCount nodes { uuid key value secured } } } }
                        """)
                .execute()
                .path("workspace.variables").matchesJsonStrictly("""
                        {"totalCount": 3, "nodes": [
                          {"uuid": "{2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a}", "key": "AWS_REGION", "value": "eu-west-1",
                           "secured": false},
                          {"uuid": "{3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b}", "key": "AWS_SECRET_ACCESS_KEY", "value": null,
                           "secured": true},
                          {"uuid": "{4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c}", "key": "SONAR_TOKEN", "value": null,
                           "secured": true}
                        ]}
                        """);

        bitbucket.verify(exactly(1), getOf("/workspaces/acme/pipelines-config/variables")
                .withQueryParam("page", havingExactly("1"))
                .withQueryParam("pagelen", havingExactly("100"))
                .withHeader("Authorization", equalTo(bearer()))
                .withHeader("Accept", equalTo("application/json")));
    }
}
