package io.pipelinesgateway.insights;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.SandboxFlowSupport;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through GraphQL against the sandbox: the insights of a workspace over a window that holds its whole seeded
 * history answer every figure, say their window and coverage, and agree with one another; filtered by branch, they
 * cover that branch's pipelines and pass over acme/api's tag builds, which have none.
 */
class InsightsOnTheSandboxTest extends SandboxFlowSupport {

    private static final String INSIGHTS = """
            query($filter: PipelineFilter, $window: InsightsWindowInput) {
              insights(filter: $filter, window: $window) {
                window { from to }
                pipelinesCovered capped completed successful successRate
                failuresByResult { result count }
                duration { p50 p90 p95 }
                buildMinutes
                failingSteps(first: 3) { name failures runs }
                flakyTests { name repository commit failures passes }
                deployments { rule count perDay failed changeFailureRate }
                recovery { recoveries meanSeconds medianSeconds maxSeconds stillFailing }
              }
            }""";

    @Test
    void aWorkspacesInsightsCoverItsHistoryConsistently() {
        GraphQlTester.Response response = ok(INSIGHTS, "filter", Map.of("workspaces", List.of("acme")),
                "window", Map.of("from", "2000-01-01T00:00:00Z", "to", "2100-01-01T00:00:00Z"));

        response.path("insights.window.from").entity(String.class).isEqualTo("2000-01-01T00:00:00Z");
        response.path("insights.capped").entity(Boolean.class).isEqualTo(false);
        int covered = response.path("insights.pipelinesCovered").entity(Integer.class).get();
        int completed = response.path("insights.completed").entity(Integer.class).get();
        int successful = response.path("insights.successful").entity(Integer.class).get();
        List<Integer> failures = response.path("insights.failuresByResult[*].count").entityList(Integer.class).get();
        assertThat(covered).isGreaterThanOrEqualTo(30);
        assertThat(completed).isPositive().isLessThanOrEqualTo(covered);
        assertThat(successful + failures.stream().mapToInt(Integer::intValue).sum()).isEqualTo(completed);
        response.path("insights.successRate").entity(Double.class).isEqualTo(successful / (double) completed);
        Map<?, ?> duration = response.path("insights.duration").entity(Map.class).get();
        assertThat((Integer) duration.get("p50")).isLessThanOrEqualTo((Integer) duration.get("p90"));
        assertThat((Integer) duration.get("p90")).isLessThanOrEqualTo((Integer) duration.get("p95"));
        assertThat(response.path("insights.failingSteps").entityList(Map.class).get()).hasSizeBetween(1, 3);
        assertThat(response.path("insights.deployments.count").entity(Integer.class).get()).isPositive();
        assertThat(response.path("insights.recovery.recoveries").entity(Integer.class).get()).isPositive();
    }

    @Test
    void insightsOfOneBranchPassOverBuildsWithNoBranch() {
        Map<String, Object> window = Map.of("from", "2000-01-01T00:00:00Z", "to", "2100-01-01T00:00:00Z");
        int all = ok(INSIGHTS, "filter", Map.of("repositories", List.of("acme/api")), "window", window)
                .path("insights.pipelinesCovered").entity(Integer.class).get();

        int onMain = ok(INSIGHTS, "filter", Map.of("repositories", List.of("acme/api"), "branches", List.of("main")),
                "window", window).path("insights.pipelinesCovered").entity(Integer.class).get();

        assertThat(onMain).isPositive().isLessThan(all);
    }
}
