package io.pipelinesgateway.workspace;

import java.util.Map;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.support.Fixtures.encoded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket takes a workspace's UUID in a path where it takes its slug. A workspace looked up so is named by the slug
 * Bitbucket answered, has the one global ID it has by slug, and what it holds (its repositories, its variables) is
 * read, cached and identified by that slug too: one workspace, one name, whichever way it was asked for.
 */
class AWorkspaceLookedUpByUuidIsNamedAsBitbucketAnswersTest extends GatewayTest {

    /** The UUID of {@code acme}, as {@code workspace-acme.json} answers it. */
    private static final String WORKSPACE_UUID = "{3f2a5d1e-8c4b-4e7a-9b1d-2c6e8f0a1b2c}";

    private static final String BOTH_WAYS = """
            { bySlug: workspace(slug: "acme") { %1$s }
              byUuid: workspace(slug: "%2$s") { %1$s } }
            """;

    private void givenTheWorkspaceByItsUuid() {
        given("workspace-acme.json");
        bitbucket.stubFor(get(urlPathEqualTo(api("/workspaces/" + encoded(WORKSPACE_UUID))))
                .willReturn(Payloads.response("workspace-acme.json")));
    }

    @Test
    void aWorkspaceLookedUpByItsUuidHasTheSlugAndTheIdItHasBySlug() {
        givenTheWorkspaceByItsUuid();

        Map<String, Object> answer = bothWays("id uuid slug webUrl");

        assertThat(answer.get("byUuid")).isEqualTo(answer.get("bySlug"));
        assertThat(answer.get("byUuid")).isEqualTo(Map.of("id", WorkspaceNodeType.ID.encode("acme"),
                "uuid", WORKSPACE_UUID, "slug", "acme", "webUrl", "https://bitbucket.org/acme/"));
    }

    @Test
    void theRepositoriesAndVariablesOfAWorkspaceLookedUpByItsUuidAreReadAndIdentifiedByItsSlug() {
        givenTheWorkspaceByItsUuid();
        given("repositories-acme.json");
        given("workspace-variables.json");

        Map<String, Object> answer = bothWays("repositories(first: 2) { nodes { id fullName } } "
                + "variables(first: 2) { nodes { id key } }");

        assertThat(answer.get("byUuid")).isEqualTo(answer.get("bySlug"));
        assertThat(upstreamRequests()).as("only the workspace itself is read by its UUID")
                .filteredOn(request -> request.getUrl().contains(encoded(WORKSPACE_UUID)))
                .singleElement()
                .satisfies(request -> assertThat(request.getUrl()).endsWith("/workspaces/" + encoded(WORKSPACE_UUID)));
    }

    /** The workspace's {@code fields}, looked up by slug ({@code bySlug}) and by UUID ({@code byUuid}). */
    private Map<String, Object> bothWays(String fields) {
        GraphQlTester.Response response = graphQl.document(BOTH_WAYS.formatted(fields, WORKSPACE_UUID)).execute();
        response.errors().verify();
        return Map.of("bySlug", response.path("bySlug").entity(Object.class).get(),
                "byUuid", response.path("byUuid").entity(Object.class).get());
    }
}
