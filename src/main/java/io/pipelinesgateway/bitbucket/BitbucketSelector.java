package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Which definition of bitbucket-pipelines.yml a pipeline ran. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketSelector(String type, String pattern) {
}
