package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The pull request a pipeline built. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketPullRequest(String id, String title) {
}
