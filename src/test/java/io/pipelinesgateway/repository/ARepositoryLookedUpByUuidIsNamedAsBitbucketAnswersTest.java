package io.pipelinesgateway.repository;

import java.util.Map;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.support.Fixtures.encoded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket takes a workspace's and a repository's UUID in a path where it takes their slugs. A repository looked up
 * so is named as Bitbucket answered it (its slug, full name and workspace), has the one global ID it has by slug, and
 * its pipelines are read, cached and identified by its slugs too: one repository, one set of names, whichever way it
 * was asked for.
 */
class ARepositoryLookedUpByUuidIsNamedAsBitbucketAnswersTest extends GatewayTest {

    /** The UUIDs of {@code acme} and {@code acme/api}, as {@code repository-api.json} answers them. */
    private static final String WORKSPACE_UUID = "{3f2a5d1e-8c4b-4e7a-9b1d-2c6e8f0a1b2c}";
    private static final String REPOSITORY_UUID = "{7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a}";

    private static final String BOTH_WAYS = """
            { bySlug: repository(workspace: "acme", slug: "api") { %1$s }
              byUuid: repository(workspace: "%2$s", slug: "%3$s") { %1$s } }
            """;

    private void givenTheRepositoryByItsUuids() {
        given("repository-api.json");
        given("workspace-acme.json");
        bitbucket.stubFor(get(urlPathEqualTo(api("/repositories/" + encoded(WORKSPACE_UUID) + "/"
                + encoded(REPOSITORY_UUID)))).willReturn(Payloads.response("repository-api.json")));
    }

    @Test
    void aRepositoryLookedUpByItsUuidsHasTheNamesAndTheIdItHasBySlug() {
        givenTheRepositoryByItsUuids();

        Map<String, Object> answer = bothWays("id uuid slug fullName webUrl workspace { slug }");

        assertThat(answer.get("byUuid")).isEqualTo(answer.get("bySlug"));
        assertThat(answer.get("byUuid")).isEqualTo(Map.of("id", RepositoryNodeType.ID.encode(
                        new RepositoryKey("acme", "api")), "uuid", REPOSITORY_UUID, "slug", "api",
                "fullName", "acme/api", "webUrl", "https://bitbucket.org/acme/api", "workspace", Map.of("slug", "acme")));
    }

    @Test
    void thePipelinesOfARepositoryLookedUpByItsUuidsAreReadAndIdentifiedByItsSlugs() {
        givenTheRepositoryByItsUuids();
        given("pipelines-newest-first.json");
        given("pipeline-42-by-build-number.json");

        Map<String, Object> answer = bothWays("pipelines(first: 2) { nodes { id buildNumber repository { id } } } "
                + "pipeline(buildNumber: 42) { id uuid }");

        assertThat(answer.get("byUuid")).isEqualTo(answer.get("bySlug"));
        assertThat(upstreamRequests()).as("only the repository itself is read by its UUIDs")
                .filteredOn(request -> request.getUrl().contains(encoded(WORKSPACE_UUID)))
                .singleElement()
                .satisfies(request -> assertThat(request.getUrl()).endsWith(encoded(REPOSITORY_UUID)));
        // Each lookup's repository arrives on its own, so each may read the listing as soon as it does; both by slug.
        bitbucket.verify(moreThanOrExactly(1), getOf("/repositories/acme/api/pipelines/"));
        bitbucket.verify(moreThanOrExactly(1), getOf("/repositories/acme/api/pipelines/42"));
    }

    /** The repository's {@code fields}, looked up by slug ({@code bySlug}) and by UUID ({@code byUuid}). */
    private Map<String, Object> bothWays(String fields) {
        GraphQlTester.Response response = graphQl.document(BOTH_WAYS.formatted(fields, WORKSPACE_UUID,
                REPOSITORY_UUID)).execute();
        response.errors().verify();
        return Map.of("bySlug", response.path("bySlug").entity(Object.class).get(),
                "byUuid", response.path("byUuid").entity(Object.class).get());
    }
}
