package io.pipelinesgateway.pipeline;

import io.pipelinesgateway.bitbucket.BitbucketState;

import static io.pipelinesgateway.bitbucket.DiscriminatedNames.known;
import static io.pipelinesgateway.bitbucket.DiscriminatedNames.nameOf;

/**
 * A pipeline's state without loss. Bitbucket's names are read from {@code name}, or from the {@code type}
 * discriminator when a payload lacks the name; values the gateway does not know become UNKNOWN instead of failing
 * the query, and a running pipeline has no result.
 */
public record PipelineState(String name, String stage, String result, String type) {

    public static PipelineState from(BitbucketState state) {
        if (state == null) {
            return new PipelineState("UNKNOWN", null, null, null);
        }
        String name = known(nameOf(state.name(), state.type(), "pipeline_state_"), "PENDING", "IN_PROGRESS",
                "COMPLETED");
        String stage = name.equals("IN_PROGRESS")
                ? (state.stage() == null ? "RUNNING" : known(nameOf(state.stage(), "pipeline_state_in_progress_"),
                        "RUNNING", "PAUSED", "HALTED"))
                : null;
        String result = name.equals("COMPLETED")
                ? known(nameOf(state.result(), "pipeline_state_completed_"), "SUCCESSFUL", "FAILED", "ERROR",
                        "STOPPED", "EXPIRED")
                : null;
        return new PipelineState(name, stage, result, state.type());
    }

    /** The one-word status. */
    public PipelineStatus status() {
        return switch (name) {
            case "PENDING" -> PipelineStatus.PENDING;
            case "IN_PROGRESS" -> PipelineStatus.valueOf(stage.equals("UNKNOWN") ? "UNKNOWN" : stage);
            case "COMPLETED" -> PipelineStatus.valueOf(result);
            default -> PipelineStatus.UNKNOWN;
        };
    }

    public boolean isTerminal() {
        return name.equals("COMPLETED");
    }
}
