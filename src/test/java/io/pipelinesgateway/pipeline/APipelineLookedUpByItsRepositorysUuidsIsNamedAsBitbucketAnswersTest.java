package io.pipelinesgateway.pipeline;

import java.util.Map;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.encoded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket takes a workspace's and a repository's UUID in a path where it takes their slugs. A pipeline looked up
 * by them is named by the repository its answer gives ({@code full_name}), so it has the one global ID and link it
 * has by slugs, and its steps and repository are read, cached and identified by those slugs too, at no extra call.
 */
class APipelineLookedUpByItsRepositorysUuidsIsNamedAsBitbucketAnswersTest extends GatewayTest {

    /** The UUIDs of {@code acme} and {@code acme/api}, as {@code repository-api.json} answers them. */
    private static final String WORKSPACE_UUID = "{3f2a5d1e-8c4b-4e7a-9b1d-2c6e8f0a1b2c}";
    private static final String REPOSITORY_UUID = "{7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a}";

    private static final String BOTH_WAYS = """
            { bySlugs: pipeline(workspace: "acme", repository: "api", %1$s) { %2$s }
              byUuids: pipeline(workspace: "%3$s", repository: "%4$s", %1$s) { %2$s } }
            """;

    /** Stubs {@code file}, an answer about pipeline 42, at its path and at that path by the repository's UUIDs. */
    private void givenPipeline42ByItsRepositorysUuids(String file, String pipeline) {
        given(file);
        bitbucket.stubFor(get(urlPathEqualTo(api("/repositories/" + encoded(WORKSPACE_UUID) + "/"
                + encoded(REPOSITORY_UUID) + "/pipelines/" + pipeline))).willReturn(Payloads.response(file)));
    }

    @Test
    void aPipelineLookedUpByItsRepositorysUuidsHasTheIdAndTheLinkItHasBySlugs() {
        givenPipeline42ByItsRepositorysUuids("pipeline-42-by-build-number.json", "42");

        Map<String, Object> answer = bothWays("buildNumber: 42", "id uuid webUrl");

        assertThat(answer.get("byUuids")).isEqualTo(answer.get("bySlugs"));
        assertThat(answer.get("byUuids")).isEqualTo(Map.of("id", PipelineNodeType.ID.encode(
                        new PipelineKey("acme", "api", PIPELINE_42)), "uuid", PIPELINE_42,
                "webUrl", "https://bitbucket.org/acme/api/pipelines/results/42"));
    }

    @Test
    void theStepsAndTheRepositoryOfAPipelineLookedUpByItsRepositorysUuidsAreReadAndIdentifiedByItsSlugs() {
        givenPipeline42ByItsRepositorysUuids("pipeline-42.json", encoded(PIPELINE_42));
        given("steps-pipeline-42.json");
        given("repository-api.json");

        Map<String, Object> answer = bothWays("uuid: \"" + PIPELINE_42 + "\"",
                "steps { id name } repository { id fullName }");

        assertThat(answer.get("byUuids")).isEqualTo(answer.get("bySlugs"));
        assertThat(answer.get("byUuids")).extracting("repository").extracting("fullName").isEqualTo("acme/api");
        assertThat(upstreamRequests()).as("only the pipeline itself is read by its repository's UUIDs")
                .filteredOn(request -> request.getUrl().contains(encoded(WORKSPACE_UUID)))
                .singleElement()
                .satisfies(request -> assertThat(request.getUrl()).endsWith("/pipelines/" + encoded(PIPELINE_42)));
    }

    /** The pipeline's {@code fields}, looked up by slugs ({@code bySlugs}) and by UUIDs ({@code byUuids}). */
    private Map<String, Object> bothWays(String pipeline, String fields) {
        GraphQlTester.Response response = graphQl.document(BOTH_WAYS.formatted(pipeline, fields, WORKSPACE_UUID,
                REPOSITORY_UUID)).execute();
        response.errors().verify();
        return Map.of("bySlugs", response.path("bySlugs").entity(Object.class).get(),
                "byUuids", response.path("byUuids").entity(Object.class).get());
    }
}
