package io.pipelinesgateway.watch;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.pipelinesgateway.bitbucket.BitbucketState;

/**
 * What a watcher remembers of a repository between polls: the states it last saw and how far it read each followed
 * log. Kept in Redis (when shared) after each poll, so that a replica taking the watch over goes on from there:
 * no transition is reported twice or lost, no log byte is sent twice. No credential is part of it.
 *
 * @param baselined whether the repository's pipelines list has been read once: from then on a pipeline not seen
 *                  before is a new run and is reported
 * @param pipelines the last state seen of each pipeline, by UUID
 * @param steps     what is known of each step of a watched pipeline, by step UUID
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WatchState(boolean baselined, Map<String, BitbucketState> pipelines, Map<String, StepMemory> steps) {

    public WatchState {
        pipelines = Map.copyOf(pipelines);
        steps = Map.copyOf(steps);
    }

    /** A watcher that has seen nothing yet. */
    public static WatchState empty() {
        return new WatchState(false, Map.of(), Map.of());
    }

    /**
     * What is known of one step.
     *
     * @param pipelineUuid the step's pipeline
     * @param state        the state last seen
     * @param logOffset    how far its log has been read and published; null before the first read
     * @param logFinished  whether the log's final event (step completed, size known) has been published
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StepMemory(String pipelineUuid, BitbucketState state, Long logOffset, boolean logFinished) {

        StepMemory withState(BitbucketState newState) {
            return new StepMemory(pipelineUuid, newState, logOffset, logFinished);
        }

        StepMemory withLog(long offset, boolean finished) {
            return new StepMemory(pipelineUuid, state, offset, finished);
        }
    }
}
