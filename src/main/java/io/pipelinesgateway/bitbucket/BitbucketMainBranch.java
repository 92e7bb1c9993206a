package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A repository's main branch. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketMainBranch(String name) {
}
