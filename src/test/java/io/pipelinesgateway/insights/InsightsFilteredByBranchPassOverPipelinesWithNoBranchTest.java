package io.pipelinesgateway.insights;

import java.time.Instant;
import java.util.Map;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import io.pipelinesgateway.support.GeneratedBitbucket.GeneratedPipeline;
import org.junit.jupiter.api.Test;

/**
 * A repository that builds tags and runs custom pipelines on commits has pipelines with no branch in every window:
 * insights filtered by branch cover the pipelines of that branch and pass over the others.
 */
class InsightsFilteredByBranchPassOverPipelinesWithNoBranchTest extends GatewayTest {

    @Test
    void insightsOfMainCoverMainsPipelinesOnly() {
        GeneratedBitbucket generated = new GeneratedBitbucket(bitbucket).repository("acme", "api");
        Instant monday = Instant.parse("2026-11-16T10:00:00Z");
        GeneratedPipeline failed = generated.pipeline("acme", "api", monday, "FAILED", "main", "aaa", 100);
        generated.tagPipeline("acme", "api", monday.plusSeconds(60), "SUCCESSFUL", "v1.0.0", "aaa");
        generated.commitPipeline("acme", "api", monday.plusSeconds(120), "FAILED", "bbb");
        GeneratedPipeline fixed = generated.pipeline("acme", "api", monday.plusSeconds(180), "SUCCESSFUL", "main",
                "ccc", 200);
        generated.stub();
        generated.step(failed, "build", "FAILED", Map.of());
        generated.step(fixed, "build", "SUCCESSFUL", Map.of());

        graphQl.document("""
                        {
                          insights(window: {from: "2026-11-16T00:00:00Z", to: "2026-11-23T00:00:00Z"},
                                   filter: {workspaces: ["acme"], branches: ["main"]}) {
                            pipelinesCovered successRate recovery { recoveries }
                          }
                        }""").execute().errors().verify()
                .path("insights.pipelinesCovered").entity(Integer.class).isEqualTo(2)
                .path("insights.successRate").entity(Double.class).isEqualTo(0.5)
                .path("insights.recovery.recoveries").entity(Integer.class).isEqualTo(1);
    }
}
