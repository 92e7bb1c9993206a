package io.pipelinesgateway.step;

import io.pipelinesgateway.bitbucket.StepCoordinates;
import io.pipelinesgateway.pipeline.PipelineKey;

/** Locates a step: its pipeline and its own UUID. */
public record StepKey(String workspace, String repository, String pipelineUuid, String stepUuid) {

    public PipelineKey pipelineKey() {
        return new PipelineKey(workspace, repository, pipelineUuid);
    }

    /** Where Bitbucket keeps the step, for the endpoint layer. */
    public StepCoordinates upstream() {
        return new StepCoordinates(workspace, repository, pipelineUuid, stepUuid);
    }
}
