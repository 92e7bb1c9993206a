package io.pipelinesgateway.sandbox;

/**
 * A step's state flattened to one value, mapped to Bitbucket's {@code pipeline_step_state_*} shapes. NOT_RUN is the
 * result of steps that never ran because an earlier one failed or the pipeline was stopped or expired.
 */
enum StepStatus {
    PENDING("PENDING", null, null),
    /** Waiting behind a blocked deployment; the README's {@code pending_halted}. */
    PENDING_HALTED("PENDING", "HALTED", null),
    READY("READY", null, null),
    IN_PROGRESS("IN_PROGRESS", null, null),
    SUCCESSFUL("COMPLETED", null, "SUCCESSFUL"),
    FAILED("COMPLETED", null, "FAILED"),
    ERROR("COMPLETED", null, "ERROR"),
    STOPPED("COMPLETED", null, "STOPPED"),
    NOT_RUN("COMPLETED", null, "NOT_RUN");

    private final NestedState state;

    StepStatus(String stateName, String stageName, String resultName) {
        this.state = new NestedState("pipeline_step_state_", stateName, stageName, resultName);
    }

    /** The state as Bitbucket nests it. */
    NestedState state() {
        return state;
    }

    static StepStatus of(StepPlan.Outcome outcome) {
        return switch (outcome) {
            case SUCCESSFUL -> SUCCESSFUL;
            case FAILED -> FAILED;
            case ERROR -> ERROR;
        };
    }
}
