package io.pipelinesgateway.events;

import java.time.Instant;

import io.pipelinesgateway.bitbucket.BitbucketState;
import io.pipelinesgateway.bitbucket.BitbucketStep;

/**
 * A step's state as the watcher saw it: when it first looks at a pipeline's steps (previous null) and whenever one
 * changes. Subscribers compare it with what they last saw, so a repeat or an initial sighting of a known state
 * costs them nothing.
 *
 * @param pipelineUuid the pipeline's UUID, with braces
 * @param step         the step as Bitbucket reported it
 * @param previous     the state the watcher saw before; null when it had not seen the step
 * @param observedAt   when the watcher saw it
 */
public record StepChanged(String workspace, String repository, String pipelineUuid, BitbucketStep step,
        BitbucketState previous, Instant observedAt) implements WatchEvent {
}
