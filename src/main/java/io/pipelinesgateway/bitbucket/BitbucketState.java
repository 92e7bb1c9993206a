package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A pipeline's or step's state as Bitbucket sends it: a name, and a stage (in progress) or a result (completed). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketState(String type, String name, BitbucketNamed stage, BitbucketNamed result) {

    /**
     * The upper-case name of a pipeline's stage ({@code RUNNING}, {@code PAUSED}, {@code HALTED}), from
     * {@code stage.name} or its {@code pipeline_state_in_progress_*} type; null when it has none.
     */
    public String pipelineStageName() {
        return DiscriminatedNames.nameOf(stage, "pipeline_state_in_progress_");
    }

    /**
     * Whether a pipeline in {@code state} (null: none sent) has completed, or is paused before a manual step, waiting
     * for a person to run it. Either way its next change brings a webhook delivery: Bitbucket sets a paused run's
     * commit status SUCCESSFUL (all its automatic steps passed), and sets it again as the run goes on or ends.
     */
    public static boolean completedOrPausedAtAManualStep(BitbucketState state) {
        return StateName.of(state).isCompleted() || pipelineWait(state) == PipelineWait.Stage.PAUSED;
    }

    /**
     * How a pipeline in {@code state} (null: none sent) waits: not started, paused before a manual step, or halted
     * behind another deployment; null while it runs, and once it has completed.
     */
    static PipelineWait.Stage pipelineWait(BitbucketState state) {
        return switch (StateName.of(state)) {
            case PENDING -> PipelineWait.Stage.PENDING;
            case IN_PROGRESS -> switch (String.valueOf(state.pipelineStageName())) {
                case "PAUSED" -> PipelineWait.Stage.PAUSED;
                case "HALTED" -> PipelineWait.Stage.HALTED;
                default -> null;
            };
            default -> null;
        };
    }
}
