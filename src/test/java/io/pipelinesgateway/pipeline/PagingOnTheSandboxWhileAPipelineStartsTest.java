package io.pipelinesgateway.pipeline;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.SandboxFlowSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through GraphQL against the sandbox, as the probe that found it did: a pipeline run between two pages of a
 * repository's pipelines is newer than both, so the second page goes on right after the first.
 */
class PagingOnTheSandboxWhileAPipelineStartsTest extends SandboxFlowSupport {

    private static final String PAGE = """
            query Page($after: String) { repository(workspace: "acme", slug: "web-app") {
                pipelines(first: 3, after: $after) { pageInfo { endCursor } nodes { buildNumber } } } }""";

    @Test
    void theSecondPageStartsRightAfterTheFirstThoughAPipelineStartedBetweenThem() {
        List<Integer> newestSix = ok("""
                { repository(workspace: "acme", slug: "web-app") { pipelines(first: 6) { nodes { buildNumber } } } }""")
                .path("repository.pipelines.nodes[*].buildNumber").entityList(Integer.class).get();
        var first = ok(PAGE, "after", null);
        first.path("repository.pipelines.nodes[*].buildNumber").entityList(Integer.class)
                .containsExactly(newestSix.subList(0, 3).toArray(Integer[]::new));

        ok("""
                mutation Run($input: RunPipelineInput!) {
                  runPipeline(input: $input) { pipeline { uuid } userErrors { field message } }
                }""", "input", Map.of("workspace", "acme", "repository", "web-app",
                "target", Map.of("ref", Map.of("refType", "BRANCH", "refName", "main"))))
                .path("runPipeline.userErrors").entityList(Object.class).hasSize(0);

        String after = first.path("repository.pipelines.pageInfo.endCursor").entity(String.class).get();
        assertThat(ok(PAGE, "after", after).path("repository.pipelines.nodes[*].buildNumber")
                .entityList(Integer.class).get()).containsExactlyElementsOf(newestSix.subList(3, 6));
    }
}
