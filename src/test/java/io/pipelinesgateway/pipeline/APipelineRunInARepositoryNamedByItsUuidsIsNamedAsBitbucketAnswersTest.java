package io.pipelinesgateway.pipeline;

import java.util.Map;

import io.pipelinesgateway.support.MutationTestSupport;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;
import static io.pipelinesgateway.support.Fixtures.encoded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket runs a pipeline of a repository named by its workspace's and its own UUID as it does by their slugs. The
 * gateway runs it by the slugs the repository's (cached) read gives, and the run has the one global ID and link it
 * has by slugs.
 */
class APipelineRunInARepositoryNamedByItsUuidsIsNamedAsBitbucketAnswersTest extends MutationTestSupport {

    /** The UUIDs of {@code acme} and {@code acme/api}, as {@code repository-api.json} answers them. */
    private static final String WORKSPACE_UUID = "{3f2a5d1e-8c4b-4e7a-9b1d-2c6e8f0a1b2c}";
    private static final String REPOSITORY_UUID = "{7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a}";
    /** The new pipeline's UUID, as {@code pipeline-run-pending.json} answers it. */
    private static final String RUN_UUID = "{5f1c5e0a-3b1e-4c8e-9d2b-7a6f4e3c2b1a}";

    private static final String RUN = """
            mutation Run($input: RunPipelineInput!) {
              runPipeline(input: $input) { pipeline { id uuid webUrl } userErrors { field message } }
            }""";

    @Test
    void aRunInARepositoryNamedByItsUuidsHasTheIdAndTheLinkItHasBySlugs() {
        stub(post(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines/")), 201, "pipeline-run-pending.json");
        bitbucket.stubFor(get(urlEqualTo(API_ROOT + "/repositories/" + encoded(WORKSPACE_UUID) + "/"
                + encoded(REPOSITORY_UUID))).willReturn(Payloads.response("repository-api.json")));

        Map<String, Object> bySlugs = run("acme", "api");
        Map<String, Object> byUuids = run(WORKSPACE_UUID, REPOSITORY_UUID);

        assertThat(byUuids).isEqualTo(bySlugs);
        assertThat(byUuids).isEqualTo(Map.of("id", PipelineNodeType.ID.encode(new PipelineKey("acme", "api",
                RUN_UUID)), "uuid", RUN_UUID, "webUrl", "https://bitbucket.org/acme/api/pipelines/results/42"));
    }

    /** The pipeline {@code runPipeline} answers for main of the repository named so. */
    private Map<String, Object> run(String workspace, String repository) {
        GraphQlTester.Response response = graphQl.document(RUN).variable("input", Map.of("workspace", workspace,
                "repository", repository, "target", Map.of("ref", Map.of("refType", "BRANCH", "refName", "main"))))
                .execute();
        response.errors().verify();
        response.path("runPipeline.userErrors").entityList(Object.class).hasSize(0);
        return response.path("runPipeline.pipeline").entity(new ParameterizedTypeReference<Map<String, Object>>() {
        }).get();
    }
}
