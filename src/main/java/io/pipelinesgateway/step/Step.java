package io.pipelinesgateway.step;

import java.time.OffsetDateTime;
import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketCommand;
import io.pipelinesgateway.bitbucket.BitbucketNamed;
import io.pipelinesgateway.bitbucket.BitbucketState;
import io.pipelinesgateway.bitbucket.BitbucketStep;
import io.pipelinesgateway.bitbucket.StateName;
import io.pipelinesgateway.graphql.IntSeconds;

import static io.pipelinesgateway.bitbucket.DiscriminatedNames.known;
import static io.pipelinesgateway.bitbucket.DiscriminatedNames.nameOf;

/**
 * A pipeline step as the schema shows it, located by the pipeline it was read from.
 *
 * @param durationSeconds Bitbucket's duration of the step ({@code duration_in_seconds}); while the step runs, what
 *                        {@link #durationSeconds()} shows is counted up to now instead
 * @param maxTimeMinutes the minutes the step may run before Bitbucket stops it ({@code maxTime})
 */
public record Step(StepKey key, String name, State state, OffsetDateTime startedOn, OffsetDateTime completedOn,
        Integer durationSeconds, Integer buildSecondsUsed, Image image, List<BitbucketCommand> setupCommands,
        List<BitbucketCommand> scriptCommands, List<ServiceContainer> serviceContainers, Trigger trigger,
        Integer runNumber, Integer maxTimeMinutes, List<BitbucketCommand> teardownCommands) {

    /** How a step starts: by itself once earlier steps are done, or when a person starts it. */
    public record Trigger(String kind, String type) {

        static Trigger from(BitbucketNamed trigger) {
            if (trigger == null) {
                return null;
            }
            return new Trigger(known(nameOf(trigger, "pipeline_step_trigger_"), "AUTOMATIC", "MANUAL"),
                    trigger.type());
        }

        boolean isManual() {
            return kind.equals("MANUAL");
        }
    }

    /** How a completed step ended; UNKNOWN for a result this gateway does not know yet. */
    public enum Result {
        SUCCESSFUL, FAILED, ERROR, STOPPED, EXPIRED,
        /** Completed without running: an earlier step failed, or the pipeline was stopped. */
        NOT_RUN,
        UNKNOWN;

        static Result of(String name) {
            for (Result result : values()) {
                if (result.name().equals(name)) {
                    return result;
                }
            }
            return UNKNOWN;
        }
    }

    /**
     * A step's state without loss; a pending step has no result.
     *
     * @param halted whether a pending step is held by a gate ({@code pipeline_step_state_pending_halted})
     */
    public record State(StateName name, Result result, String type, boolean halted) {

        public static State from(BitbucketState state) {
            if (state == null) {
                return new State(StateName.UNKNOWN, null, null, false);
            }
            // "pipeline_step_state_pending_halted" (or a HALTED stage) is a pending step, held by a gate.
            boolean halted = "HALTED".equals(nameOf(state.stage(), "pipeline_step_state_pending_"))
                    || (state.type() != null && state.type().endsWith("_halted"));
            StateName name = StateName.of(state);
            Result result = null;
            if (name.isCompleted()) {
                result = state.result() == null ? Result.UNKNOWN : Result.of(nameOf(state.result().name(),
                        state.result().type(), "pipeline_step_state_completed_"));
            }
            return new State(name, result, state.type(), halted && name == StateName.PENDING);
        }
    }

    /** The build container's image; whether it is private is all that is told of its credentials. */
    public record Image(String name, boolean isPrivate) {
    }

    /** A service container beside the build container; its log is read by its UUID. */
    public record ServiceContainer(StepKey step, String uuid, String name, boolean stepComplete) {

        public StepLog log() {
            return new StepLog(step, uuid, stepComplete, true);
        }
    }

    public static Step from(StepKey key, BitbucketStep step) {
        Image image = step.image() == null ? null
                : new Image(step.image().name(), step.image().username() != null || step.image().email() != null);
        State state = State.from(step.state());
        boolean complete = state.name().isCompleted();
        List<ServiceContainer> services = step.serviceContainers() == null ? List.of()
                : step.serviceContainers().stream()
                        .filter(container -> container.uuid() != null)
                        .map(container -> new ServiceContainer(key, container.uuid(), container.name(), complete))
                        .toList();
        return new Step(key, step.name(), state, step.startedOn(), step.completedOn(),
                step.durationInSeconds(), step.buildSecondsUsed(), image,
                step.setupCommands() == null ? List.of() : step.setupCommands(),
                step.scriptCommands() == null ? List.of() : step.scriptCommands(), services,
                Trigger.from(step.trigger()), step.runNumber(), step.maxTime(),
                step.teardownCommands() == null ? List.of() : step.teardownCommands());
    }

    public String id() {
        return StepNodeType.ID.encode(key);
    }

    /**
     * How long the step ran: while it runs, the time since it started, counted now (an answer kept a while says what
     * Bitbucket had counted when it was read); otherwise Bitbucket's duration.
     */
    @Override
    public Integer durationSeconds() {
        if (state.name() == StateName.IN_PROGRESS && startedOn != null) {
            return IntSeconds.between(startedOn, OffsetDateTime.now());
        }
        return durationSeconds;
    }

    public String uuid() {
        return key.stepUuid();
    }

    /**
     * The state in one word: the result once completed; PAUSED for a manual step not started yet, which waits for a
     * person (unless a gate holds it); else the state's name.
     */
    public String status() {
        if (state.result() != null) {
            return state.result().name();
        }
        boolean notStarted = state.name() == StateName.PENDING || state.name() == StateName.READY;
        if (notStarted && !state.halted() && trigger != null && trigger.isManual()) {
            return "PAUSED";
        }
        return state.name().name();
    }

    public boolean isTerminal() {
        return state.name().isCompleted();
    }

    /**
     * Whether the step has not run, and so has no log and no test report: it completed without running (NOT_RUN,
     * after an earlier step failed or a stop) or has not started (pending, ready). That is known from the step
     * itself, so asking Bitbucket, which would answer 404, costs a call for nothing.
     */
    public boolean neverRan() {
        return state.result() == Result.NOT_RUN || state.name() == StateName.PENDING
                || state.name() == StateName.READY;
    }

    public StepLog log() {
        return new StepLog(key, null, isTerminal(), !neverRan());
    }

    /** A container's log of this step by its log UUID. */
    public StepLog containerLog(String logUuid) {
        return new StepLog(key, logUuid, isTerminal(), !neverRan());
    }
}
