package io.pipelinesgateway.events;

import java.time.Instant;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketState;

/**
 * A pipeline was first seen (a new run) or its state changed.
 *
 * @param pipeline   the pipeline as Bitbucket reported it, with its new state
 * @param previous   the state the watcher saw before; null for a pipeline it had not seen
 * @param observedAt when the watcher saw the change
 */
public record PipelineChanged(String workspace, String repository, BitbucketPipeline pipeline,
        BitbucketState previous, Instant observedAt) implements WatchEvent {
}
