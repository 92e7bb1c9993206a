package io.pipelinesgateway.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes what a pipeline looks like at an instant, from its plan, its times and whether it was stopped. Being a
 * pure function of the clock, it needs no background threads and gives the same answer to concurrent readers.
 *
 * <p>The life of a pipeline: PENDING until {@code startsAt} (its first step READY; never, if it waits for a runner);
 * then each step runs for its duration in turn (RUNNING); a step held before it pauses (PAUSED) or halts (HALTED) the
 * pipeline, until the hold expires (EXPIRED) if it does; a step that ends FAILED or ERROR ends the pipeline so; after
 * the last step it is SUCCESSFUL. A stop freezes everything at the stop instant: the running step becomes STOPPED,
 * steps not started NOT_RUN, and the pipeline STOPPED.
 */
final class Timeline {

    private Timeline() {
    }

    /** A pipeline as seen at {@code observedAt}. */
    record PipelineSnapshot(SandboxPipeline pipeline, SandboxPipelineStatus status, Instant completedOn,
            Instant observedAt,
            List<StepSnapshot> steps) {

        /**
         * Build time consumed so far: the sum of the steps' running times, which a pause or a halt does not add to
         * (the sandbox's {@code duration_in_seconds} as well as its {@code build_seconds_used}).
         */
        Duration buildTime() {
            return steps.stream().map(StepSnapshot::elapsed).reduce(Duration.ZERO, Duration::plus);
        }

        StepSnapshot step(String uuid) {
            return steps.stream().filter(s -> Ids.sameUuid(s.plan().uuid(), uuid)).findFirst().orElse(null);
        }
    }

    /** A step as seen at {@code observedAt}. */
    record StepSnapshot(StepPlan plan, StepStatus status, Instant startedOn, Instant completedOn,
            Instant observedAt) {

        Duration elapsed() {
            if (startedOn == null) {
                return Duration.ZERO;
            }
            return Duration.between(startedOn, completedOn != null ? completedOn : observedAt);
        }

        /** The build container's log as far as written; {@code null} while the step has not started. */
        List<String> buildLog() {
            return visible(plan.log(), status == StepStatus.STOPPED ? "Step stopped by user." : null);
        }

        /** A service container's log as far as written; {@code null} while the step has not started. */
        List<String> serviceLog(StepPlan.ServiceContainer service) {
            return visible(service.log(), status == StepStatus.STOPPED ? "Container stopped." : null);
        }

        /** Test cases are reported once the step has run to completion (not when it errored or was stopped). */
        boolean hasTestReport() {
            return !plan.tests().isEmpty() && (status == StepStatus.SUCCESSFUL || status == StepStatus.FAILED);
        }

        /**
         * A running step shows a prefix of its log that grows with elapsed time: a few lines at once (the clone),
         * then the rest in proportion, the last line only at completion.
         */
        private List<String> visible(List<String> lines, String stopLine) {
            if (startedOn == null) {
                return null;
            }
            if (status != StepStatus.IN_PROGRESS && status != StepStatus.STOPPED) {
                return lines;
            }
            int head = Math.min(3, lines.size());
            double fraction = plan.duration().isZero() ? 1.0
                    : Math.min(1.0, (double) elapsed().toMillis() / plan.duration().toMillis());
            int shown = Math.min(Math.max(head, lines.size() - 1),
                    head + (int) Math.floor(fraction * (lines.size() - head)));
            List<String> out = new ArrayList<>(lines.subList(0, Math.min(shown, lines.size())));
            if (stopLine != null) {
                out.add(stopLine);
            }
            return out;
        }
    }

    static PipelineSnapshot at(SandboxPipeline p, Instant now) {
        Instant stop = p.stoppedAt() != null && !p.stoppedAt().isAfter(now) ? p.stoppedAt() : null;
        Instant horizon = stop != null ? stop : now;
        List<StepPlan> plans = p.steps();
        List<StepSnapshot> steps = new ArrayList<>(plans.size());

        if (p.startsAt() == null || horizon.isBefore(p.startsAt())) {
            if (stop != null) {
                fill(steps, plans, 0, StepStatus.NOT_RUN, now);
                return new PipelineSnapshot(p, SandboxPipelineStatus.STOPPED, stop, now, steps);
            }
            for (int i = 0; i < plans.size(); i++) {
                boolean next = i == 0 && p.startsAt() != null;
                steps.add(new StepSnapshot(plans.get(i), next ? StepStatus.READY : StepStatus.PENDING, null, null,
                        now));
            }
            return new PipelineSnapshot(p, SandboxPipelineStatus.PENDING, null, now, steps);
        }

        Instant t = p.startsAt();
        for (int i = 0; i < plans.size(); i++) {
            StepPlan step = plans.get(i);
            StepPlan.Hold hold = step.hold();
            if (hold != null) {
                Instant expires = hold.expiresAt();
                if (expires != null && !horizon.isBefore(expires)) {
                    fill(steps, plans, i, StepStatus.NOT_RUN, now);
                    return new PipelineSnapshot(p, SandboxPipelineStatus.EXPIRED, expires, now, steps);
                }
                if (stop != null) {
                    fill(steps, plans, i, StepStatus.NOT_RUN, now);
                    return new PipelineSnapshot(p, SandboxPipelineStatus.STOPPED, stop, now, steps);
                }
                boolean halted = hold.kind() == StepPlan.Hold.Kind.HALTED;
                steps.add(new StepSnapshot(step, halted ? StepStatus.PENDING_HALTED : StepStatus.PENDING, null, null,
                        now));
                fill(steps, plans, i + 1, StepStatus.PENDING, now);
                return new PipelineSnapshot(p, halted ? SandboxPipelineStatus.HALTED : SandboxPipelineStatus.PAUSED,
                        null, now,
                        steps);
            }
            Instant end = t.plus(step.duration());
            if (horizon.isBefore(end)) {
                if (stop != null) {
                    steps.add(new StepSnapshot(step, StepStatus.STOPPED, t, stop, now));
                    fill(steps, plans, i + 1, StepStatus.NOT_RUN, now);
                    return new PipelineSnapshot(p, SandboxPipelineStatus.STOPPED, stop, now, steps);
                }
                steps.add(new StepSnapshot(step, StepStatus.IN_PROGRESS, t, null, now));
                fill(steps, plans, i + 1, StepStatus.PENDING, now);
                return new PipelineSnapshot(p, SandboxPipelineStatus.RUNNING, null, now, steps);
            }
            steps.add(new StepSnapshot(step, StepStatus.of(step.outcome()), t, end, now));
            t = end;
            if (step.outcome() != StepPlan.Outcome.SUCCESSFUL) {
                fill(steps, plans, i + 1, StepStatus.NOT_RUN, now);
                SandboxPipelineStatus result = step.outcome() == StepPlan.Outcome.FAILED ? SandboxPipelineStatus.FAILED
                        : SandboxPipelineStatus.ERROR;
                return new PipelineSnapshot(p, result, end, now, steps);
            }
        }
        return new PipelineSnapshot(p, SandboxPipelineStatus.SUCCESSFUL, t, now, steps);
    }

    private static void fill(List<StepSnapshot> steps, List<StepPlan> plans, int from, StepStatus status,
            Instant now) {
        for (int i = from; i < plans.size(); i++) {
            steps.add(new StepSnapshot(plans.get(i), status, null, null, now));
        }
    }
}
