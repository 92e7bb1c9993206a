package io.pipelinesgateway.schedule;

import io.pipelinesgateway.bitbucket.BitbucketSchedule;
import io.pipelinesgateway.bitbucket.BitbucketTarget;
import io.pipelinesgateway.graphql.Inputs;
import io.pipelinesgateway.pipeline.PipelineSelectorInput;
import io.pipelinesgateway.repository.RepositoryItem;
import io.pipelinesgateway.repository.RepositoryKey;

/** The inputs of the schedule mutations, checked and turned into Bitbucket's bodies before any call. */
final class ScheduleInputs {

    private static final String TYPE = "pipeline_schedule";

    private ScheduleInputs() {
    }

    /** Input of {@code createSchedule}. */
    record Create(String workspace, String repository, String cronPattern, Target target, Boolean enabled) {

        RepositoryKey repositoryKey() {
            return RepositoryKey.fromInput(workspace, repository);
        }

        BitbucketSchedule body() {
            String pattern = CronPattern.check(cronPattern, "input.cronPattern");
            return new BitbucketSchedule(TYPE, null, enabled == null || enabled, target.toTarget(), pattern, null,
                    null);
        }
    }

    /** What a schedule runs: Bitbucket schedules run a branch, with the definition the selector names. */
    record Target(String branch, PipelineSelectorInput selector) {

        BitbucketTarget toTarget() {
            return new BitbucketTarget("pipeline_ref_target", "branch", Inputs.nonBlank(branch, "input.target.branch"),
                    null, selector.toSelector("input.target.selector"), null, null, null, null, null, null);
        }
    }

    /** Input of {@code updateSchedule}: Bitbucket changes only whether a schedule is enabled. */
    record Update(String id, boolean enabled) {

        RepositoryItem schedule() {
            return located(id);
        }

        BitbucketSchedule body() {
            return new BitbucketSchedule(TYPE, null, enabled, null, null, null, null);
        }
    }

    /** Input of {@code deleteSchedule}. */
    record Delete(String id) {

        RepositoryItem schedule() {
            return located(id);
        }
    }

    private static RepositoryItem located(String id) {
        return PipelineScheduleNodeType.ID.decodeInput(id, "input.id");
    }
}
