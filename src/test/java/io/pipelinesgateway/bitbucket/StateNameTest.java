package io.pipelinesgateway.bitbucket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A state's name is read once, from its name or else its type discriminator, for pipelines and steps alike. */
class StateNameTest {

    @Test
    void aStateIsReadFromItsNameInAnyCase() {
        assertThat(StateName.of(new BitbucketState("pipeline_state_in_progress", "in_progress", null, null)))
                .isEqualTo(StateName.IN_PROGRESS);
    }

    @Test
    void aStateWithoutANameIsReadFromItsTypeDiscriminator() {
        assertThat(StateName.of(new BitbucketState("pipeline_state_completed", null, null, null)))
                .isEqualTo(StateName.COMPLETED);
        assertThat(StateName.of(new BitbucketState("pipeline_step_state_ready", null, null, null)))
                .isEqualTo(StateName.READY);
    }

    @Test
    void aHeldStepIsPending() {
        assertThat(StateName.of(new BitbucketState("pipeline_step_state_pending_halted", null, null, null)))
                .isEqualTo(StateName.PENDING);
    }

    @Test
    void whatTheGatewayDoesNotKnowIsUnknownAndNeverCompleted() {
        assertThat(StateName.of(new BitbucketState("pipeline_state_paused_forever", "PAUSED_FOREVER", null, null)))
                .isEqualTo(StateName.UNKNOWN);
        assertThat(StateName.of(null)).isEqualTo(StateName.UNKNOWN);
        assertThat(StateName.of(new BitbucketState(null, null, null, null)).isCompleted()).isFalse();
        // A name that only begins like a known one does not continue it.
        assertThat(StateName.of(new BitbucketState(null, "COMPLETEDISH", null, null))).isEqualTo(StateName.UNKNOWN);
        assertThat(StateName.of(new BitbucketState(null, "completed_successful", null, null)))
                .isEqualTo(StateName.COMPLETED);
    }

    @Test
    void onlyCompletedIsCompleted() {
        assertThat(StateName.values()).filteredOn(StateName::isCompleted).containsExactly(StateName.COMPLETED);
    }
}
