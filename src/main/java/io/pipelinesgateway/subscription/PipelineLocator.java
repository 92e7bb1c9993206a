package io.pipelinesgateway.subscription;

/**
 * The {@code PipelineLocator} input: a pipeline by its global ID, or by workspace, repository and UUID or build
 * number. Both may be given, when they name the same pipeline.
 */
public record PipelineLocator(String id, String workspace, String repository, String uuid, Integer buildNumber) {
}
