package io.pipelinesgateway.sandbox;

/** How a pipeline was started, with Bitbucket's {@code pipeline_trigger_*} type names. */
enum SandboxTrigger {
    PUSH("pipeline_trigger_push"),
    MANUAL("pipeline_trigger_manual"),
    SCHEDULE("pipeline_trigger_schedule");

    private final String type;

    SandboxTrigger(String type) {
        this.type = type;
    }

    String type() {
        return type;
    }
}
