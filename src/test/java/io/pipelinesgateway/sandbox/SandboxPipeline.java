package io.pipelinesgateway.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A pipeline as stored: immutable facts plus the one thing that changes, {@code stoppedAt}. Its state is not stored
 * but computed for the instant it is read ({@link Timeline}), so pipelines progress in real time without background
 * threads and deterministically for a given clock.
 *
 * @param startsAt when its first step starts; {@code null} when it waits for a runner indefinitely (stays PENDING)
 */
record SandboxPipeline(String uuid, int buildNumber, Repo repo, SandboxAccount creator, SandboxPipelineTarget target,
        SandboxTrigger trigger, Instant createdOn, Instant startsAt, List<StepPlan> steps,
        List<SandboxVariable> variables, Instant stoppedAt) {

    SandboxPipeline {
        steps = List.copyOf(steps);
        variables = List.copyOf(variables);
    }

    SandboxPipeline stoppedAt(Instant when) {
        return new SandboxPipeline(uuid, buildNumber, repo, creator, target, trigger, createdOn, startsAt, steps,
                variables, when);
    }

    boolean matches(String uuidOrBuildNumber) {
        return Ids.sameUuid(uuid, uuidOrBuildNumber) || Integer.toString(buildNumber).equals(uuidOrBuildNumber);
    }

    /** The planned total running time, used to lay out seeded pipelines. */
    Duration plannedDuration() {
        return steps.stream().map(StepPlan::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
