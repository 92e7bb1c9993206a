package io.pipelinesgateway.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a step will do, fixed when its pipeline is created; its state at any instant follows from this plan, the
 * pipeline's times and the clock (see {@link Timeline}).
 *
 * @param duration how long the step runs once started
 * @param outcome  how it ends when it runs to completion
 * @param hold     set when the pipeline waits before this step (a manual step: PAUSED; a blocked deployment:
 *                 HALTED) instead of running it
 * @param log      the build container's complete log; a running step shows a growing prefix of it
 * @param tests    the test cases it reports once completed, empty when it reports none
 */
record StepPlan(String uuid, String name, Image image, List<Command> setupCommands, List<Command> scriptCommands,
        List<ServiceContainer> services, Duration duration, Outcome outcome, Hold hold, List<String> log,
        List<TestCase> tests) {

    StepPlan {
        setupCommands = List.copyOf(setupCommands);
        scriptCommands = List.copyOf(scriptCommands);
        services = List.copyOf(services);
        log = List.copyOf(log);
        tests = List.copyOf(tests);
    }

    /** Whether a person starts the step: a step the pipeline pauses before (Bitbucket's {@code trigger: manual}). */
    boolean isManual() {
        return hold != null && hold.kind() == Hold.Kind.PAUSED;
    }

    /** How a step ends when it runs to completion. */
    enum Outcome { SUCCESSFUL, FAILED, ERROR }

    /**
     * A wait before the step; with {@code expiresAt} the wait ends the pipeline as EXPIRED at that instant (Bitbucket
     * expires paused pipelines after a while).
     */
    record Hold(Kind kind, Instant expiresAt) {
        /** Why the pipeline waits. */
        enum Kind { PAUSED, HALTED }
    }

    /**
     * The step's image. The password of a private image is kept only because Bitbucket has it too; it is never
     * returned (the representation drops it).
     */
    record Image(String name, String username, String email, String password) {
        static Image of(String name) {
            return new Image(name, null, null, null);
        }
    }

    /** A setup or script command, as listed in {@code setup_commands} / {@code script_commands}. */
    record Command(String name, String command) {
    }

    /**
     * A service container (docker, a database) running beside the build container, with its own log. The real API
     * does not document how clients discover the uuids for {@code .../logs/{log_uuid}}; the sandbox exposes them in the
     * step's {@code service_containers} field (its own convention), and the build container's log uuid is the step's.
     */
    record ServiceContainer(String uuid, String name, String image, List<String> log) {
        ServiceContainer {
            log = List.copyOf(log);
        }
    }

    /** A test case of the step's test report. */
    record TestCase(String uuid, String name, String fullyQualifiedName, String packageName, Status status,
            Duration duration, String message, String stackTrace) {

        /** A test case's result, as the test report API spells it. */
        enum Status { SUCCESS, FAILED, ERROR, SKIPPED }
    }
}
