package io.pipelinesgateway.sandbox;

/** A {@code pipeline_variable}: of a workspace, or passed to a run. A secured one's value is never returned. */
record SandboxVariable(String uuid, String key, String value, boolean secured) {
}
