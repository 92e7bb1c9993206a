package io.pipelinesgateway.pipelineconfig;

/** A repository's Pipelines configuration as the schema shows it; {@code enabled} is null if Bitbucket left it out. */
record PipelinesConfiguration(Boolean enabled) {
}
