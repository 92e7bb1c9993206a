package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Which definition of bitbucket-pipelines.yml a pipeline ran, or is to run. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BitbucketSelector(String type, String pattern) {
}
