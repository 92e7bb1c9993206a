package io.pipelinesgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinesgateway.sandbox.SandboxSeed.Seed;
import io.pipelinesgateway.sandbox.Timeline.PipelineSnapshot;
import io.pipelinesgateway.sandbox.Timeline.StepSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated load workspaces look like real repositories, as the default seed does, so that a benchmark on them
 * meets what a dashboard meets: steps without test reports, steps that never ran, pipelines still running, waiting
 * or paused, failed ones; and they are the same on every start.
 */
class LoadWorkspacesAreShapedLikeTheDefaultSeedTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(3);

    @Test
    void generatedRepositoriesHoldPipelinesInTheStatesOfRealOnes() {
        List<PipelineSnapshot> load = loadPipelines(SandboxSeed.create(T0, STEP, 3, 10));

        Set<SandboxPipelineStatus> pipelines = EnumSet.noneOf(SandboxPipelineStatus.class);
        load.forEach(snapshot -> pipelines.add(snapshot.status()));
        assertThat(pipelines).contains(SandboxPipelineStatus.SUCCESSFUL, SandboxPipelineStatus.FAILED,
                SandboxPipelineStatus.ERROR, SandboxPipelineStatus.STOPPED, SandboxPipelineStatus.RUNNING,
                SandboxPipelineStatus.PENDING, SandboxPipelineStatus.PAUSED);

        List<StepSnapshot> steps = load.stream().flatMap(snapshot -> snapshot.steps().stream()).toList();
        long completed = steps.stream().filter(step -> step.completedOn() != null).count();
        long reporting = steps.stream().filter(StepSnapshot::hasTestReport).count();
        assertThat(reporting).as("completed steps with a test report").isPositive()
                .isLessThan(completed * 2 / 3);
        assertThat(steps).anyMatch(step -> step.status() == StepStatus.NOT_RUN);
    }

    @Test
    void generatedRepositoriesAreTheSameOnEveryStart() {
        List<PipelineSnapshot> first = loadPipelines(SandboxSeed.create(T0, STEP, 2, 4));
        List<PipelineSnapshot> again = loadPipelines(SandboxSeed.create(T0, STEP, 2, 4));

        assertThat(again).extracting(snapshot -> snapshot.pipeline().uuid())
                .containsExactlyElementsOf(first.stream().map(snapshot -> snapshot.pipeline().uuid()).toList());
        assertThat(again).extracting(PipelineSnapshot::status)
                .containsExactlyElementsOf(first.stream().map(PipelineSnapshot::status).toList());
    }

    private static List<PipelineSnapshot> loadPipelines(Seed seed) {
        return seed.pipelines().stream()
                .filter(pipeline -> pipeline.repo().workspace().slug().startsWith("load-"))
                .map(pipeline -> Timeline.at(pipeline, T0))
                .toList();
    }
}
