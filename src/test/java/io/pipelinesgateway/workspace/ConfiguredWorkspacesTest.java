package io.pipelinesgateway.workspace;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.Fixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code gateway.workspaces[N].slug} set, {@code workspaces} lists those, each read by slug only when a field
 * that reading gives is asked for.
 */
@TestPropertySource(properties = {"gateway.workspaces[0].slug=beta", "gateway.workspaces[1].slug=acme"})
class ConfiguredWorkspacesTest extends GatewayTest {

    @Test
    void listsTheConfiguredWorkspacesInTheirOrderInsteadOfTheCallersMemberships() {
        given("workspace-acme.json");
        given("workspace-beta.json");

        graphQl.document("""
                        { workspaces { totalCount nodes { slug name permission } } }
                        """)
                .execute()
                .path("workspaces").matchesJsonStrictly("""
                        {"totalCount": 2, "nodes": [
                          {"slug": "beta", "name": "Beta Labs", "permission": null},
                          {"slug": "acme", "name": "Acme Corp", "permission": null}
                        ]}
                        """);

        bitbucket.verify(exactly(1), getOf("/workspaces/beta").withHeader("Authorization", equalTo(bearer())));
        bitbucket.verify(exactly(1), getOf("/workspaces/acme").withHeader("Authorization", equalTo(bearer())));
        bitbucket.verify(0, getOf("/user/workspaces"));
        assertThat(upstreamRequests()).hasSize(2);
    }

    @Test
    void listingTheConfiguredWorkspacesBySlugReadsNone() {
        graphQl.document("{ workspaces { totalCount nodes { id slug } } }")
                .execute()
                .path("workspaces.nodes[*].slug").entityList(String.class).containsExactly("beta", "acme");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void aConfiguredWorkspaceTheCallerMayNotReadFailsOnlyItsOwnFields() {
        given("workspace-acme.json");
        bitbucket.stubFor(WireMock.get(urlPathEqualTo(FakeBitbucket.api("/workspaces/beta")))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.bytes("error-404.json"))));

        graphQl.document("{ workspaces { nodes { slug name } } }")
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getParsedPath()).containsExactly("workspaces", "nodes", 0, "name");
                    assertThat(code(error)).isEqualTo("NOT_FOUND");
                }))
                .path("workspaces.nodes[0].slug").entity(String.class).isEqualTo("beta")
                .path("workspaces.nodes[0].name").valueIsNull()
                .path("workspaces.nodes[1].name").entity(String.class).isEqualTo("Acme Corp");
    }

    @Test
    void pagesThroughTheConfiguredWorkspaces() {
        given("workspace-acme.json");
        given("workspace-beta.json");

        String after = graphQl.document("{ workspaces(first: 1) { pageInfo { hasNextPage endCursor } nodes { slug } } }")
                .execute()
                .path("workspaces.nodes[*].slug").entityList(String.class).containsExactly("beta")
                .path("workspaces.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("workspaces.pageInfo.endCursor").entity(String.class).get();

        graphQl.document("query($after: String) { workspaces(first: 1, after: $after) { pageInfo { hasNextPage } nodes { slug } } }")
                .variable("after", after)
                .execute()
                .path("workspaces.nodes[*].slug").entityList(String.class).containsExactly("acme")
                .path("workspaces.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }
}
