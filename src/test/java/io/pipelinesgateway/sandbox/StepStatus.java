package io.pipelinesgateway.sandbox;

import java.util.Locale;

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

    private final String stateName;
    private final String stageName;
    private final String resultName;

    StepStatus(String stateName, String stageName, String resultName) {
        this.stateName = stateName;
        this.stageName = stageName;
        this.resultName = resultName;
    }

    String stateName() {
        return stateName;
    }

    String stageName() {
        return stageName;
    }

    String resultName() {
        return resultName;
    }

    String stateType() {
        return "pipeline_step_state_" + stateName.toLowerCase(Locale.ROOT);
    }

    String stageType() {
        return stageName == null ? null : "pipeline_step_state_pending_" + stageName.toLowerCase(Locale.ROOT);
    }

    String resultType() {
        return resultName == null ? null : "pipeline_step_state_completed_" + resultName.toLowerCase(Locale.ROOT);
    }

    static StepStatus of(StepPlan.Outcome outcome) {
        return switch (outcome) {
            case SUCCESSFUL -> SUCCESSFUL;
            case FAILED -> FAILED;
            case ERROR -> ERROR;
        };
    }
}
