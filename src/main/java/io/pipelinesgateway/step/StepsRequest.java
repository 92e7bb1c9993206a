package io.pipelinesgateway.step;

import io.pipelinesgateway.bitbucket.PipelineWait;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineKey;

/**
 * A pipeline's steps as asked for by its DataLoader: the pipeline, and how it was seen waiting, if it was, so the
 * steps of a pipeline waiting at a manual step are read once for as long as it waits ({@link PipelineWait}).
 *
 * @param seenWaiting how the pipeline was seen waiting; null when it was not, or when only its key is known
 */
public record StepsRequest(PipelineKey pipeline, PipelineWait seenWaiting) {

    /** The steps of {@code pipeline} as it was seen. */
    public static StepsRequest of(Pipeline pipeline) {
        return new StepsRequest(pipeline.key(), pipeline.waiting());
    }
}
