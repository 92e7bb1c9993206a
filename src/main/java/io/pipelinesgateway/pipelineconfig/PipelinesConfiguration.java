package io.pipelinesgateway.pipelineconfig;

/** A repository's Pipelines configuration as the schema shows it. */
record PipelinesConfiguration(boolean enabled) {
}
