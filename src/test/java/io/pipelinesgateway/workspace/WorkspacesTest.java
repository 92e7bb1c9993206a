package io.pipelinesgateway.workspace;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static io.pipelinesgateway.support.Fixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspaces without configured ones: the caller's ({@code GET /user/workspaces}, as Bitbucket removed
 * {@code /user/permissions/workspaces}) and one workspace by slug ({@code GET /workspaces/{workspace}}).
 */
class WorkspacesTest extends GatewayTest {

    @Test
    void listsTheWorkspacesTheCallerIsAMemberOf() {
        given("user-workspaces.json");

        graphQl.document("""
                        { workspaces { totalCount pageInfo { hasNextPage hasPreviousPage }
                            nodes { uuid slug name permission webUrl } } }
                        """)
                .execute()
                .path("workspaces").matchesJsonStrictly("""
                        {"totalCount": 2, "pageInfo": {"hasNextPage": false, "hasPreviousPage": false},
                         "nodes": [
                           {"uuid": "{3f2a5d1e-8c4b-4e7a-9b1d-2c6e8f0a1b2c}", "slug": "acme", "name": "Acme Corp",
                            "permission": "owner", "webUrl": "https://bitbucket.org/acme/"},
                           {"uuid": "{9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4}", "slug": "beta", "name": "Beta Labs",
                            "permission": "member", "webUrl": "https://bitbucket.org/beta/"}
                         ]}
                        """);

        bitbucket.verify(exactly(1), getOf("/user/workspaces")
                .withQueryParam("sort", havingExactly("workspace.slug"))
                .withQueryParam("page", havingExactly("1"))
                .withQueryParam("pagelen", havingExactly("100"))
                .withHeader("Authorization", equalTo(bearer()))
                .withHeader("Accept", equalTo("application/json")));
        assertThat(upstreamRequests()).hasSize(1);
    }

    @Test
    void aCredentialRefusedTheListIsToldWhyItMayBeAndWhatToAskInstead() {
        given("user-workspaces-access-token.json");

        graphQl.document("{ workspaces { nodes { slug } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
                    assertThat(error.getMessage())
                            .contains("access token belongs to no account", "read:workspace:bitbucket",
                                    "workspace(slug:", "gateway.workspaces",
                                    "This API is not accessible by this authentication mechanism")
                            .doesNotContain("read:pipeline:bitbucket");
                }));
    }

    @Test
    void readsAWorkspaceBySlug() {
        given("workspace-acme.json");

        graphQl.document("""
                        { workspace(slug: "acme") { uuid slug name isPrivate createdOn webUrl permission } }
                        """)
                .execute()
                .path("workspace").matchesJsonStrictly("""
                        {"uuid": "{3f2a5d1e-8c4b-4e7a-9b1d-2c6e8f0a1b2c}", "slug": "acme", "name": "Acme Corp",
                         "isPrivate": true, "createdOn": "2019-03-04T10:11:12.345678Z",
                         "webUrl": "https://bitbucket.org/acme/", "permission": null}
                        """);

        bitbucket.verify(exactly(1), getOf("/workspaces/acme")
                .withHeader("Authorization", equalTo(bearer()))
                .withHeader("Accept", equalTo("application/json")));
        assertThat(upstreamRequests()).hasSize(1);
    }
}
