package io.pipelinesgateway.schedule;

import io.pipelinesgateway.bitbucket.BitbucketPipelineError;
import io.pipelinesgateway.bitbucket.BitbucketScheduleExecution;
import io.pipelinesgateway.pipeline.PipelineKey;

/**
 * One run of a schedule. The pipeline it started is kept as a key and read through the pipeline DataLoader, so its
 * state is current and a pipeline named twice in a query is read once.
 *
 * @param outcome  EXECUTED, ERRORED, or UNKNOWN for a kind the gateway does not know yet
 * @param pipeline the pipeline the run started; null when it started none
 */
record ScheduleExecution(String outcome, PipelineKey pipeline, BitbucketPipelineError error) {

    static ScheduleExecution from(String workspace, String repository, BitbucketScheduleExecution execution) {
        String type = execution.type() == null ? "" : execution.type();
        String outcome = switch (type) {
            case "pipeline_schedule_execution_executed" -> "EXECUTED";
            case "pipeline_schedule_execution_errored" -> "ERRORED";
            default -> "UNKNOWN";
        };
        PipelineKey pipeline = execution.pipeline() == null || execution.pipeline().uuid() == null ? null
                : new PipelineKey(workspace, repository, execution.pipeline().uuid());
        return new ScheduleExecution(outcome, pipeline, execution.error());
    }
}
