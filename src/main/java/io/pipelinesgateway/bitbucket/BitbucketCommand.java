package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A command a step runs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketCommand(String name, String command) {
}
