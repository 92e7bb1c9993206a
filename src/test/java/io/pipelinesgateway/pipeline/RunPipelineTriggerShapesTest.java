package io.pipelinesgateway.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/**
 * Every trigger shape of Bitbucket's "Run a pipeline" reaches Bitbucket as the exact body of the reference's example
 * (the values are the reference's own), with the top-level {@code "type": "pipeline"} the spec requires, and the new
 * pipeline comes back.
 */
class RunPipelineTriggerShapesTest extends MutationTestSupport {

    private static final String PIPELINES = API_ROOT + "/repositories/acme/api/pipelines/";

    private static final String RUN = """
            mutation Run($input: RunPipelineInput!) {
              runPipeline(input: $input) {
                pipeline { uuid buildNumber status variables { key value secured } }
                userErrors { field message }
              }
            }""";

    @BeforeEach
    void bitbucketStartsAPipeline() {
        stub(post(urlEqualTo(PIPELINES)), 201, "pipeline-run-pending.json");
    }

    @Test
    void aBranchRunsItsLatestCommit() {
        run(Map.of("ref", Map.of("refType", "BRANCH", "refName", "master")), null);

        assertSent("""
                {"type": "pipeline", "target": {"ref_type": "branch", "type": "pipeline_ref_target", "ref_name": "master"}}""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BRANCH", "NAMED_BRANCH", "BOOKMARK", "TAG"})
    void aCommitRunsInTheContextOfEachKindOfRef(String refType) {
        run(Map.of("ref", Map.of("refType", refType, "refName", "master",
                "commitHash", "ce5b7431602f7cbba007062eeb55225c6e18e956")), null);

        assertSent("""
                {"type": "pipeline", "target": {"commit": {"type": "commit", "hash": "ce5b7431602f7cbba007062eeb55225c6e18e956"},
                            "ref_type": "%s", "type": "pipeline_ref_target", "ref_name": "master"}}"""
                .formatted(refType.toLowerCase()));
    }

    @Test
    void aCustomSelectorRunsOnACommit() {
        run(Map.of("commit", Map.of("commitHash", "a3c4e02c9a3755eccdc3764e6ea13facdf30f923",
                "selector", Map.of("type", "CUSTOM", "pattern", "Deploy to production"))), null);

        assertSent("""
                {"type": "pipeline", "target": {"commit": {"hash": "a3c4e02c9a3755eccdc3764e6ea13facdf30f923", "type": "commit"},
                            "selector": {"type": "custom", "pattern": "Deploy to production"},
                            "type": "pipeline_commit_target"}}""");
    }

    @Test
    void aCustomSelectorRunsOnACommitInTheContextOfARef() {
        run(Map.of("ref", Map.of("refType", "BRANCH", "refName", "master",
                "commitHash", "a3c4e02c9a3755eccdc3764e6ea13facdf30f923",
                "selector", Map.of("type", "CUSTOM", "pattern", "Deploy to production"))), null);

        assertSent("""
                {"type": "pipeline", "target": {"commit": {"hash": "a3c4e02c9a3755eccdc3764e6ea13facdf30f923", "type": "commit"},
                            "selector": {"type": "custom", "pattern": "Deploy to production"},
                            "type": "pipeline_ref_target", "ref_name": "master", "ref_type": "branch"}}""");
    }

    @Test
    void aCustomPipelineRunsWithVariablesSecuredOnesIncluded() {
        var response = run(Map.of("ref", Map.of("refName", "master",
                        "selector", Map.of("type", "CUSTOM", "pattern", "Deploy to production"))),
                List.of(Map.of("key", "var1key", "value", "var1value", "secured", true),
                        Map.of("key", "var2key", "value", "var2value")));

        assertSent("""
                {"type": "pipeline", "target": {"type": "pipeline_ref_target", "ref_type": "branch", "ref_name": "master",
                            "selector": {"type": "custom", "pattern": "Deploy to production"}},
                 "variables": [{"key": "var1key", "value": "var1value", "secured": true},
                               {"key": "var2key", "value": "var2value"}]}""");
        response.path("runPipeline.pipeline.variables[1].key").entity(String.class).isEqualTo("DEPLOY_TOKEN");
        response.path("runPipeline.pipeline.variables[1].secured").entity(Boolean.class).isEqualTo(true);
        response.path("runPipeline.pipeline.variables[1].value").valueIsNull();
    }

    @Test
    void aPullRequestRunsItsSourceMergedOntoItsDestination() {
        run(Map.of("pullRequest", Map.of("id", 3, "sourceBranch", "pull-request-branch",
                "destinationBranch", "master", "commitHash", "1a372fc", "destinationCommitHash", "9f848b7",
                "selector", Map.of("type", "PULL_REQUESTS", "pattern", "**"))), null);

        assertSent("""
                {"type": "pipeline", "target": {"type": "pipeline_pullrequest_target", "source": "pull-request-branch",
                            "destination": "master", "destination_commit": {"hash": "9f848b7"},
                            "commit": {"hash": "1a372fc"}, "pullrequest": {"id": 3},
                            "selector": {"type": "pull-requests", "pattern": "**"}}}""");
    }

    private GraphQlTester.Response run(Map<String, Object> target,
            List<Map<String, Object>> variables) {
        Map<String, Object> input = new HashMap<>(Map.of("workspace", "acme", "repository", "api",
                "target", target));
        if (variables != null) {
            input.put("variables", variables);
        }
        var response = graphQl.document(RUN).variable("input", input).execute();
        response.errors().verify();
        response.path("runPipeline.userErrors").entityList(Object.class).hasSize(0);
        response.path("runPipeline.pipeline.uuid").entity(String.class)
                .isEqualTo("{5f1c5e0a-3b1e-4c8e-9d2b-7a6f4e3c2b1a}");
        response.path("runPipeline.pipeline.buildNumber").entity(Integer.class).isEqualTo(42);
        response.path("runPipeline.pipeline.status").entity(String.class).isEqualTo("PENDING");
        return response;
    }

    private void assertSent(String body) {
        bitbucket.verify(1, postRequestedFor(urlEqualTo(PIPELINES))
                .withHeader("Authorization", equalTo(AUTHORIZATION))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(body)));
    }
}
