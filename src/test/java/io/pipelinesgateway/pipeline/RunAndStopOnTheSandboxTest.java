package io.pipelinesgateway.pipeline;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.SandboxFlowSupport;
import io.pipelinesgateway.support.TestSecrets;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Through GraphQL against the sandbox: a custom pipeline run with variables appears in the repository's pipelines,
 * and once stopped it reads STOPPED; its secured variable's value is never returned.
 */
class RunAndStopOnTheSandboxTest extends SandboxFlowSupport {

    private static final String PIPELINES = """
            { repository(workspace: "acme", slug: "web-app") {
                pipelines(first: 10) { nodes { uuid status } } } }""";

    @Test
    void aCustomPipelineRunWithVariablesIsListedAndReadsStoppedOnceStopped() {
        // Read first, so the list is cached: the run must evict it for the next read to show the new pipeline.
        ok(PIPELINES);

        GraphQlTester.Response run = ok("""
                        mutation Run($input: RunPipelineInput!) {
                          runPipeline(input: $input) {
                            pipeline { id uuid status target { refName selector { type pattern } }
                                       variables { key value secured } }
                            userErrors { field message }
                          }
                        }""", "input", Map.of("workspace", "acme", "repository", "web-app",
                        "target", Map.of("ref", Map.of("refType", "BRANCH", "refName", "main",
                                "selector", Map.of("type", "CUSTOM", "pattern", "deploy-to-staging"))),
                        "variables", List.of(Map.of("key", "DEPLOY_ENV", "value", "staging"),
                                Map.of("key", "DEPLOY_TOKEN", "value", TestSecrets.SANDBOX_RUN_SECRET,
                                        "secured", true))));
        String id = run.path("runPipeline.pipeline.id").entity(String.class).get();
        String uuid = run.path("runPipeline.pipeline.uuid").entity(String.class).get();

        assertThat(run.path("runPipeline.pipeline.status").entity(String.class).get()).isIn("PENDING", "RUNNING");
        run.path("runPipeline.pipeline.target.selector.pattern").entity(String.class).isEqualTo("deploy-to-staging");
        assertThat(run.path("runPipeline.pipeline.variables").entityList(Map.class).get())
                .extracting(variable -> variable.get("key"), variable -> variable.get("value"),
                        variable -> variable.get("secured"))
                .containsExactlyInAnyOrder(tuple("DEPLOY_ENV", "staging", false), tuple("DEPLOY_TOKEN", null, true));
        assertThat(ok(PIPELINES).path("repository.pipelines.nodes[*].uuid").entityList(String.class).get())
                .contains(uuid);

        ok("""
                mutation Stop($id: ID!) {
                  stopPipeline(input: {id: $id}) { pipeline { uuid } userErrors { field message } }
                }""", "id", id)
                .path("stopPipeline.userErrors").entityList(Object.class).hasSize(0);

        ok("""
                query Pipeline($uuid: ID!) {
                  pipeline(workspace: "acme", repository: "web-app", uuid: $uuid) { status }
                }""", "uuid", uuid)
                .path("pipeline.status").entity(String.class).isEqualTo("STOPPED");
        assertThat(ok(PIPELINES).path("repository.pipelines.nodes").entityList(Map.class).get())
                .contains(Map.of("uuid", uuid, "status", "STOPPED"));
    }
}
