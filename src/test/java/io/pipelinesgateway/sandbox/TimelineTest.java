package io.pipelinesgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinesgateway.sandbox.StepPlan.Hold;
import io.pipelinesgateway.sandbox.StepPlan.Image;
import io.pipelinesgateway.sandbox.StepPlan.Outcome;
import io.pipelinesgateway.sandbox.Timeline.PipelineSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pipeline's state is a function of its plan, its stop and the instant it is looked at. */
class TimelineTest {

    private static final Instant T0 = Instant.parse("2024-05-02T09:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Repo REPO = new Repo("{r}", new SandboxWorkspace("{w}", "acme", "Acme", true, T0, true),
            "api",
            "api", "", "java", "main", new Repo.Project("{p}", "P", "P"), T0, T0, 1,
            PipelineDefinitions.withCustomPipelines());

    private static StepPlan step(int i, Outcome outcome, Hold hold) {
        return new StepPlan("{s" + i + "}", "Step " + i, Image.of("alpine"), List.of(), List.of(), List.of(), STEP,
                outcome, hold, List.of("one", "two", "three", "four", "five", "six"), List.of());
    }

    private static SandboxPipeline pipeline(Instant startsAt, StepPlan... steps) {
        return new SandboxPipeline("{p}", 1, REPO, SandboxSeed.SANDBOX_USER,
                new SandboxPipelineTarget.Ref("branch", "main", "0123456789abcdef0123456789abcdef01234567",
                        new SandboxPipelineTarget.Selector("branches", "main")),
                SandboxTrigger.PUSH, T0, startsAt, List.of(steps), List.of(), null);
    }

    private static List<StepStatus> steps(PipelineSnapshot s) {
        List<StepStatus> statuses = new ArrayList<>();
        s.steps().forEach(step -> statuses.add(step.status()));
        return statuses;
    }

    @Test
    void aFailingStepEndsThePipelineAsFailedAndTheRestAreNotRun() {
        SandboxPipeline p = pipeline(T0, step(0, Outcome.SUCCESSFUL, null), step(1, Outcome.FAILED, null),
                step(2, Outcome.SUCCESSFUL, null));
        PipelineSnapshot s = Timeline.at(p, T0.plus(Duration.ofHours(1)));
        assertThat(s.status()).isEqualTo(SandboxPipelineStatus.FAILED);
        assertThat(s.completedOn()).isEqualTo(T0.plus(STEP.multipliedBy(2)));
        assertThat(steps(s)).containsExactly(StepStatus.SUCCESSFUL, StepStatus.FAILED, StepStatus.NOT_RUN);
        assertThat(s.buildTime()).isEqualTo(STEP.multipliedBy(2));
    }

    @Test
    void aHeldStepPausesOrHaltsThePipelineUntilItExpires() {
        Instant expiry = T0.plus(Duration.ofHours(2));
        SandboxPipeline paused = pipeline(T0, step(0, Outcome.SUCCESSFUL, null),
                step(1, Outcome.SUCCESSFUL, new Hold(Hold.Kind.PAUSED, expiry)));
        PipelineSnapshot waiting = Timeline.at(paused, T0.plus(Duration.ofMinutes(30)));
        assertThat(waiting.status()).isEqualTo(SandboxPipelineStatus.PAUSED);
        assertThat(steps(waiting)).containsExactly(StepStatus.SUCCESSFUL, StepStatus.PENDING);
        PipelineSnapshot expired = Timeline.at(paused, expiry);
        assertThat(expired.status()).isEqualTo(SandboxPipelineStatus.EXPIRED);
        assertThat(expired.completedOn()).isEqualTo(expiry);
        assertThat(steps(expired)).containsExactly(StepStatus.SUCCESSFUL, StepStatus.NOT_RUN);

        SandboxPipeline halted = pipeline(T0, step(0, Outcome.SUCCESSFUL, new Hold(Hold.Kind.HALTED, null)));
        PipelineSnapshot blocked = Timeline.at(halted, T0.plus(Duration.ofDays(30)));
        assertThat(blocked.status()).isEqualTo(SandboxPipelineStatus.HALTED);
        assertThat(steps(blocked)).containsExactly(StepStatus.PENDING_HALTED);
    }

    @Test
    void aStopFreezesThePipelineAtTheStopInstant() {
        SandboxPipeline p = pipeline(T0, step(0, Outcome.SUCCESSFUL, null), step(1, Outcome.SUCCESSFUL, null))
                .stoppedAt(T0.plusSeconds(15));
        assertThat(Timeline.at(p,
                T0.plusSeconds(12)).status()).as("not yet stopped").isEqualTo(SandboxPipelineStatus.RUNNING);
        PipelineSnapshot stopped = Timeline.at(p, T0.plus(Duration.ofHours(1)));
        assertThat(stopped.status()).isEqualTo(SandboxPipelineStatus.STOPPED);
        assertThat(stopped.completedOn()).isEqualTo(T0.plusSeconds(15));
        assertThat(steps(stopped)).containsExactly(StepStatus.SUCCESSFUL, StepStatus.STOPPED);
        assertThat(stopped.steps().get(1).buildLog()).endsWith("Step stopped by user.");

        SandboxPipeline paused = pipeline(T0, step(0, Outcome.SUCCESSFUL, new Hold(Hold.Kind.PAUSED, null)))
                .stoppedAt(T0.plusSeconds(60));
        assertThat(steps(Timeline.at(paused, T0.plusSeconds(61)))).containsExactly(StepStatus.NOT_RUN);
    }

    @Test
    void aPipelineWaitingForARunnerStaysPendingAndShowsNoLogs() {
        PipelineSnapshot s = Timeline.at(pipeline(null, step(0, Outcome.SUCCESSFUL, null)), T0.plus(Duration.ofDays(1)));
        assertThat(s.status()).isEqualTo(SandboxPipelineStatus.PENDING);
        assertThat(s.completedOn()).isNull();
        assertThat(s.steps().get(0).buildLog()).isNull();
    }

    @Test
    void aRunningStepShowsMoreOfItsLogAsItRunsButNotTheLastLineUntilItEnds() {
        SandboxPipeline p = pipeline(T0, step(0, Outcome.SUCCESSFUL, null));
        assertThat(Timeline.at(p, T0).steps().get(0).buildLog()).hasSize(3);
        assertThat(Timeline.at(p, T0.plusSeconds(5)).steps().get(0).buildLog()).hasSize(4);
        assertThat(Timeline.at(p, T0.plusMillis(9_999)).steps().get(0).buildLog()).hasSize(5);
        assertThat(Timeline.at(p, T0.plus(STEP)).steps().get(0).buildLog()).hasSize(6);
    }
}
