package io.pipelinesgateway.subscription;

import java.time.OffsetDateTime;

import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineState;
import io.pipelinesgateway.pipeline.PipelineStatus;

/**
 * What {@code pipelineStatusChanged} delivers: a pipeline with its new state, and the state it had before.
 *
 * @param pipeline      the pipeline as Bitbucket reported it when the change was seen
 * @param previousState the state before; null for a run the gateway had not seen before
 * @param observedAt    when the gateway saw the change
 */
public record PipelineStatusEvent(Pipeline pipeline, PipelineState previousState, OffsetDateTime observedAt) {

    public PipelineStatus status() {
        return pipeline.status();
    }

    public PipelineStatus previousStatus() {
        return previousState == null ? null : previousState.status();
    }
}
