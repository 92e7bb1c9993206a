package io.pipelinesgateway.step;

import io.pipelinesgateway.pipeline.PipelineKey;

/** Locates a step: its pipeline and its own UUID. */
public record StepKey(String workspace, String repository, String pipelineUuid, String stepUuid) {

    public PipelineKey pipelineKey() {
        return new PipelineKey(workspace, repository, pipelineUuid);
    }
}
