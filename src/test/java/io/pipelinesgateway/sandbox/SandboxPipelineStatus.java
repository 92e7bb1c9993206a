package io.pipelinesgateway.sandbox;

/**
 * A pipeline's state flattened to one value, mapped to Bitbucket's nested shape: the state name and, for
 * IN_PROGRESS, the stage or, for COMPLETED, the result. A running pipeline has a stage and no result.
 */
enum SandboxPipelineStatus {
    PENDING("PENDING", null, null),
    RUNNING("IN_PROGRESS", "RUNNING", null),
    PAUSED("IN_PROGRESS", "PAUSED", null),
    HALTED("IN_PROGRESS", "HALTED", null),
    SUCCESSFUL("COMPLETED", null, "SUCCESSFUL"),
    FAILED("COMPLETED", null, "FAILED"),
    ERROR("COMPLETED", null, "ERROR"),
    STOPPED("COMPLETED", null, "STOPPED"),
    EXPIRED("COMPLETED", null, "EXPIRED");

    private final NestedState state;

    SandboxPipelineStatus(String stateName, String stageName, String resultName) {
        this.state = new NestedState("pipeline_state_", stateName, stageName, resultName);
    }

    /** The state as Bitbucket nests it. */
    NestedState state() {
        return state;
    }

    boolean completed() {
        return state.result() != null;
    }

    /**
     * The state of the commit status Pipelines keeps for a run in this state. A run paused before a manual step has
     * passed all its automatic steps: Bitbucket shows it, and sets its commit status, SUCCESSFUL until a person runs
     * the step.
     */
    SandboxJson.CommitStatusState commitStatusState() {
        return switch (this) {
            case PENDING, RUNNING, HALTED -> SandboxJson.CommitStatusState.INPROGRESS;
            case PAUSED, SUCCESSFUL -> SandboxJson.CommitStatusState.SUCCESSFUL;
            case FAILED, ERROR -> SandboxJson.CommitStatusState.FAILED;
            case STOPPED, EXPIRED -> SandboxJson.CommitStatusState.STOPPED;
        };
    }

    /** The {@code status=} filter of the pipeline list matches the state, the stage or the result name. */
    boolean matchesFilter(String filter) {
        return state.named(filter);
    }
}
