package io.pipelinesgateway.pipeline;

import io.pipelinesgateway.bitbucket.BitbucketState;
import io.pipelinesgateway.bitbucket.StateName;

import static io.pipelinesgateway.bitbucket.DiscriminatedNames.known;
import static io.pipelinesgateway.bitbucket.DiscriminatedNames.nameOf;

/**
 * A pipeline's state without loss. Bitbucket's names are read from {@code name}, or from the {@code type}
 * discriminator when a payload lacks the name; values the gateway does not know become UNKNOWN instead of failing
 * the query, and a running pipeline has no result.
 *
 * @param stageName  Bitbucket's name of the stage as sent, kept also when {@code stage} is UNKNOWN
 * @param resultName Bitbucket's name of the result as sent, kept also when {@code result} is UNKNOWN
 */
public record PipelineState(StateName name, String stage, String result, String type, String stageName,
        String resultName) {

    public static PipelineState from(BitbucketState state) {
        if (state == null) {
            return new PipelineState(StateName.UNKNOWN, null, null, null, null, null);
        }
        StateName parsed = StateName.of(state);
        // A pipeline is never READY: only steps are.
        StateName name = parsed == StateName.READY ? StateName.UNKNOWN : parsed;
        String stageName = state.pipelineStageName();
        String resultName = nameOf(state.result(), "pipeline_state_completed_");
        String stage = name == StateName.IN_PROGRESS
                ? (state.stage() == null ? "RUNNING" : known(stageName, "RUNNING", "PAUSED", "HALTED"))
                : null;
        String result = name.isCompleted()
                ? known(resultName, "SUCCESSFUL", "FAILED", "ERROR", "STOPPED", "EXPIRED")
                : null;
        return new PipelineState(name, stage, result, state.type(), stageName, resultName);
    }

    /** The one-word status. */
    public PipelineStatus status() {
        return switch (name) {
            case PENDING -> PipelineStatus.PENDING;
            case IN_PROGRESS -> PipelineStatus.valueOf(stage.equals("UNKNOWN") ? "UNKNOWN" : stage);
            case COMPLETED -> PipelineStatus.valueOf(result);
            case READY, UNKNOWN -> PipelineStatus.UNKNOWN;
        };
    }

    public boolean isTerminal() {
        return name.isCompleted();
    }
}
