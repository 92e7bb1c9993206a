package io.pipelinesgateway.sandbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox sets the commit status of each run as Pipelines does, so its webhook deliveries say what Bitbucket's
 * would.
 */
class SandboxPipelineStatusTest {

    @Test
    void aRunPausedBeforeAManualStepIsReportedSuccessfulAsBitbucketShowsIt() {
        assertThat(SandboxPipelineStatus.PAUSED.commitStatusState())
                .isEqualTo(SandboxJson.CommitStatusState.SUCCESSFUL);
    }

    @Test
    void aRunThatWaitsForARunnerOrBehindADeploymentIsReportedInProgress() {
        assertThat(SandboxPipelineStatus.PENDING.commitStatusState())
                .isEqualTo(SandboxJson.CommitStatusState.INPROGRESS);
        assertThat(SandboxPipelineStatus.HALTED.commitStatusState())
                .isEqualTo(SandboxJson.CommitStatusState.INPROGRESS);
        assertThat(SandboxPipelineStatus.RUNNING.commitStatusState())
                .isEqualTo(SandboxJson.CommitStatusState.INPROGRESS);
    }
}
