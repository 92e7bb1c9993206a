package io.pipelinesgateway.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durations of pipelines as real payloads show them ({@code pipelines-real-shapes.json}): Bitbucket's own
 * {@code duration_in_seconds} (the build time) beside the wall-clock time, a pipeline that is not running (paused
 * since 2021, halted, pending since 1901) never counting its wait up to now, and a running one whose creation time is
 * a zero date clamped instead of overflowing {@code Int}.
 */
class DurationsCountUpToNowOnlyWhileAPipelineRunsTest extends GatewayTest {

    private static final String DURATIONS = """
            {
              repository(workspace: "acme", slug: "api") {
                pipelines(first: 20, order: NEWEST_FIRST) {
                  nodes { buildNumber status durationSeconds buildDurationSeconds wallClockSeconds createdOn }
                }
              }
            }""";

    private Map<Integer, Map<String, Object>> byBuildNumber;

    @BeforeEach
    void readTheRealShapes() {
        given("repository-api.json");
        given("pipelines-real-shapes.json");
        List<Map<String, Object>> nodes = graphQl.document(DURATIONS).execute().errors().verify()
                .path("repository.pipelines.nodes").entityList(Map.class).get().stream()
                .map(node -> (Map<String, Object>) node).toList();
        byBuildNumber = new HashMap<>();
        nodes.forEach(node -> byBuildNumber.put((Integer) node.get("buildNumber"), node));
    }

    @Test
    void aCompletedPipelineShowsBitbucketsBuildTimeBesideItsLongerWallClockTime() {
        // #110: created 07:36:20.109572944, completed 07:36:46.423783406 (26 s); Bitbucket says 14 s.
        assertThat(byBuildNumber.get(110)).containsEntry("durationSeconds", 14)
                .containsEntry("buildDurationSeconds", 14).containsEntry("wallClockSeconds", 26)
                .containsEntry("createdOn", "2026-01-03T07:36:20.109572944Z");
        // #109, stopped: 68 s of wall-clock time, 21 s of build.
        assertThat(byBuildNumber.get(109)).containsEntry("durationSeconds", 21)
                .containsEntry("wallClockSeconds", 68);
    }

    @Test
    void aPipelinePausedSinceYearsAgoShowsBitbucketsDurationNotTheYearsSince() {
        assertThat(byBuildNumber.get(106)).containsEntry("status", "PAUSED").containsEntry("durationSeconds", 40)
                .containsEntry("buildDurationSeconds", 40).containsEntry("wallClockSeconds", null);
    }

    @Test
    void aHaltedPipelineShowsTheZeroBitbucketSays() {
        assertThat(byBuildNumber.get(107)).containsEntry("status", "HALTED").containsEntry("durationSeconds", 0)
                .containsEntry("wallClockSeconds", null);
    }

    @Test
    void aPendingPipelineCreatedLongAgoHasNoDurationInsteadOfAnOverflow() {
        assertThat(byBuildNumber.get(105)).containsEntry("status", "PENDING").containsEntry("durationSeconds", null)
                .containsEntry("buildDurationSeconds", null).containsEntry("wallClockSeconds", null);
    }

    @Test
    void aRunningPipelineCountsUpToNowClampedToTheLargestInt() {
        // #104 runs since 0001-01-01 (a zero date): far more seconds than an Int holds.
        assertThat(byBuildNumber.get(104)).containsEntry("status", "RUNNING")
                .containsEntry("durationSeconds", Integer.MAX_VALUE)
                .containsEntry("wallClockSeconds", Integer.MAX_VALUE)
                .containsEntry("buildDurationSeconds", 5);
    }
}
