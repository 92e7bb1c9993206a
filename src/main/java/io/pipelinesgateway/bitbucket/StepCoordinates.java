package io.pipelinesgateway.bitbucket;

/**
 * Where Bitbucket keeps a step: what the endpoint layer needs to reach it and what is below it (its logs, its test
 * report), without knowing a feature's own keys.
 *
 * @param pipelineUuid the pipeline's UUID, in braces
 * @param stepUuid     the step's UUID, in braces; null when Bitbucket listed the step without it, which makes a read
 *                     of what is below the step fail as UPSTREAM_INCOMPLETE
 */
public record StepCoordinates(String workspace, String repository, String pipelineUuid, String stepUuid) {

    /** The path segments below the REST root that name the step. */
    String[] segments(String... below) {
        String[] all = new String[7 + below.length];
        all[0] = "repositories";
        all[1] = workspace;
        all[2] = repository;
        all[3] = "pipelines";
        all[4] = pipelineUuid;
        all[5] = "steps";
        all[6] = stepUuid;
        System.arraycopy(below, 0, all, 7, below.length);
        return all;
    }
}
