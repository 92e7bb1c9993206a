package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A service container beside a step's build container, whose log is read by its uuid. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketServiceContainer(String uuid, String name) {
}
