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
     * Whether this pipeline state is paused before a manual step, waiting for a person to run it. Bitbucket then sets
     * the run's commit status SUCCESSFUL (all its automatic steps passed), and INPROGRESS again once the step is run,
     * so a webhook hears of both changes.
     */
    boolean pausedAtAManualStep() {
        return StateName.of(this) == StateName.IN_PROGRESS && "PAUSED".equals(pipelineStageName());
    }
}
