package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One run of a schedule: {@code pipeline_schedule_execution_executed} with the pipeline it started, or
 * {@code pipeline_schedule_execution_errored} with the error that kept it from starting one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketScheduleExecution(String type, BitbucketPipeline pipeline, BitbucketPipelineError error) {
}
