package io.pipelinesgateway.repository;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.support.Fixtures.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repositories: one by slug ({@code GET /repositories/{workspace}/{repo_slug}}) and a workspace's list
 * ({@code GET /repositories/{workspace}} sorted by name, filtered with Bitbucket's {@code q=name ~ "..."}).
 */
class RepositoriesTest extends GatewayTest {

    @Test
    void readsARepositoryWithEveryFieldMapped() {
        given("repository-api.json");
        given("workspace-acme.json");

        graphQl.document("""
                        { repository(workspace: "acme", slug: "api") {
                            uuid slug name fullName description isPrivate mainBranch language updatedOn webUrl
                            workspace { slug name } } }
                        """)
                .execute()
                .path("repository").matchesJsonStrictly("""
                        {"uuid": "{7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a}", "slug": "api", "name": "api",
                         "fullName": "acme/api", "description": "The public REST API", "isPrivate": true,
                         "mainBranch": "main", "language": "java", "updatedOn": "2025-11-20T09:20:11.082734Z",
                         "webUrl": "https://bitbucket.org/acme/api",
                         "workspace": {"slug": "acme", "name": "Acme Corp"}}
                        """);

        bitbucket.verify(exactly(1), getOf("/repositories/acme/api")
                .withHeader("Authorization", equalTo(bearer()))
                .withHeader("Accept", equalTo("application/json")));
        bitbucket.verify(exactly(1), getOf("/workspaces/acme"));
    }

    @Test
    void givesNullAndNotFoundForARepositoryBitbucketDoesNotHave() {
        given("repository-not-found.json");

        graphQl.document("""
                        { repository(workspace: "acme", slug: "gone") { slug } }
                        """)
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("NOT_FOUND");
                    assertThat(error.getPath()).isEqualTo("repository");
                }))
                .path("repository").valueIsNull();
    }

    @Test
    void listsAWorkspacesRepositoriesSortedByName() {
        given("workspace-acme.json");
        given("repositories-acme.json");

        graphQl.document("""
                        { workspace(slug: "acme") { repositories { totalCount pageInfo { hasNextPage }
                            nodes { slug fullName mainBranch webUrl } } } }
                        """)
                .execute()
                .path("workspace.repositories.totalCount").entity(Integer.class).isEqualTo(4)
                .path("workspace.repositories.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("workspace.repositories.nodes[*].slug").entityList(String.class)
                .containsExactly("api", "infra", "mobile", "web")
                .path("workspace.repositories.nodes[0]").matchesJsonStrictly("""
                        {"slug": "api", "fullName": "acme/api", "mainBranch": "main",
                         "webUrl": "https://bitbucket.org/acme/api"}
                        """);

        bitbucket.verify(exactly(1), getOf("/repositories/acme")
                .withQueryParam("sort", havingExactly("name"))
                .withQueryParam("page", havingExactly("1"))
                .withQueryParam("pagelen", havingExactly("100"))
                .withoutQueryParam("q")
                .withHeader("Authorization", equalTo(bearer())));
    }

    @Test
    void sendsTheNameFilterAsABitbucketQuery() {
        given("workspace-acme.json");
        given("repositories-acme-named-api.json");

        graphQl.document("""
                        { workspace(slug: "acme") { repositories(name: "api") { totalCount nodes { slug } } } }
                        """)
                .execute()
                .path("workspace.repositories.nodes[*].slug").entityList(String.class).containsExactly("api")
                .path("workspace.repositories.totalCount").entity(Integer.class).isEqualTo(1);

        bitbucket.verify(exactly(1), getOf("/repositories/acme")
                .withQueryParam("q", havingExactly("name ~ \"api\""))
                .withQueryParam("sort", havingExactly("name")));
        assertThat(bitbucket.findAll(getOf("/repositories/acme"))).singleElement().satisfies(request ->
                assertThat(request.getUrl()).isEqualTo("/2.0/repositories/acme?sort=name&q=name%20~%20%22api%22&page=1&pagelen=100"));
    }

    @Test
    void escapesQuotesInTheNameFilter() {
        given("workspace-acme.json");
        bitbucket.stubFor(get(urlPathEqualTo(api("/repositories/acme")))
                .willReturn(Payloads.response("repositories-acme-named-api.json")));

        graphQl.document("""
                        { workspace(slug: "acme") { repositories(name: "a\\"b") { nodes { slug } } } }
                        """)
                .execute()
                .path("workspace.repositories.nodes[*].slug").entityList(String.class).containsExactly("api");

        bitbucket.verify(exactly(1), getOf("/repositories/acme").withQueryParam("q", havingExactly("name ~ \"a\\\"b\"")));
    }
}
