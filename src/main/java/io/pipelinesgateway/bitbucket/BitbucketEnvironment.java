package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A deployment environment of a repository. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketEnvironment(String type, String uuid, String name) {
}
