package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A commit a pipeline built. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketCommit(String hash, String message) {
}
