package io.pipelinesgateway.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import io.pipelinesgateway.support.GeneratedBitbucket.GeneratedPipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's filter: repositories by slug or full name, branches, triggers, and the creation range, whose bounds
 * are both exclusive. acme/api also built a tag and ran a custom pipeline on a commit: pipelines with no branch.
 */
class FeedFilterSelectsRepositoriesBranchesAndTimesTest extends GatewayTest {

    private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

    private GeneratedBitbucket generated;

    @BeforeEach
    void threeRepositoriesWithMainAndFeaturePipelines() {
        generated = new GeneratedBitbucket(bitbucket).repository("acme", "api").repository("acme", "web-app")
                .repository("globex", "api");
        for (int number = 0; number < 12; number++) {
            String repository = number % 3 == 0 ? "api" : "web-app";
            generated.pipeline("acme", repository, START.plusSeconds(3600L * number), "SUCCESSFUL",
                    number % 2 == 0 ? "main" : "feature/x", "c0ffee", 60);
        }
        generated.pipeline("globex", "api", START, "FAILED", "main", "c0ffee", 60);
        generated.tagPipeline("acme", "api", START.plusSeconds(1800), "SUCCESSFUL", "v1.0.0", "c0ffee");
        generated.commitPipeline("acme", "api", START.plusSeconds(9000), "FAILED", "c0ffee");
        generated.stub();
    }

    @Test
    void repositoriesAreNamedBySlugInEveryWorkspaceOrByFullName() {
        assertThat(uuids(Map.of("workspaces", List.of("acme", "globex"), "repositories", List.of("api"))))
                .containsExactlyElementsOf(expected(p -> p.repository().equals("api")));
        assertThat(uuids(Map.of("workspaces", List.of("acme", "globex"), "repositories", List.of("acme/api"))))
                .containsExactlyElementsOf(expected(p -> p.workspace().equals("acme") && p.repository().equals("api")));
    }

    @Test
    void branchesKeepOnlyPipelinesThatBuiltThem() {
        assertThat(uuids(Map.of("workspaces", List.of("acme"), "branches", List.of("feature/x"))))
                .hasSize(6).containsExactlyElementsOf(expected(p -> p.workspace().equals("acme")
                        && "feature/x".equals(p.branch())));
    }

    @Test
    void aBranchFilterPassesOverPipelinesThatBuiltNoBranch() {
        assertThat(uuids(Map.of("workspaces", List.of("acme"), "repositories", List.of("api"),
                "branches", List.of("main"))))
                .hasSize(2).containsExactlyElementsOf(expected(p -> p.workspace().equals("acme")
                        && p.repository().equals("api") && "main".equals(p.branch())));
    }

    @Test
    void triggersKeepOnlyPipelinesStartedThatWay() {
        assertThat(uuids(Map.of("workspaces", List.of("acme"), "triggers", List.of("SCHEDULE")))).isEmpty();
        assertThat(uuids(Map.of("workspaces", List.of("acme"), "triggers", List.of("PUSH")))).hasSize(13);
        assertThat(uuids(Map.of("workspaces", List.of("acme"), "triggers", List.of("MANUAL")))).hasSize(1);
    }

    @Test
    void theCreationRangeExcludesBothBounds() {
        Instant after = START.plusSeconds(3600L * 2);
        Instant before = START.plusSeconds(3600L * 6);

        assertThat(uuids(Map.of("workspaces", List.of("acme"), "createdAfter", after.toString(),
                "createdBefore", before.toString())))
                .containsExactlyElementsOf(expected(p -> p.workspace().equals("acme")
                        && p.createdOn().isAfter(after) && p.createdOn().isBefore(before)))
                .hasSize(4);
    }

    private List<String> uuids(Map<String, Object> filter) {
        return FeedPages.all(graphQl, filter, 100);
    }

    private List<String> expected(Predicate<GeneratedPipeline> keep) {
        return generated.newestFirst().stream().filter(keep).map(GeneratedPipeline::uuid).toList();
    }
}
