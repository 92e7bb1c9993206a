package io.pipelinesgateway.subscription;

/**
 * The {@code StepLocator} input: a step by its global ID, or by workspace, repository, its pipeline's UUID or build
 * number, and its own UUID. Both may be given, when they name the same step.
 */
public record StepLocator(String id, String workspace, String repository, String pipelineUuid, Integer buildNumber,
        String uuid) {
}
