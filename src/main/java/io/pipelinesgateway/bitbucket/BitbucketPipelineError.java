package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An error that kept Pipelines from running something, such as a schedule's run. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketPipelineError(String type, String key, String message) {
}
