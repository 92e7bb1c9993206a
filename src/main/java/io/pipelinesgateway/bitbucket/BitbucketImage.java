package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The build container's image. The registry password Bitbucket may send is deliberately not mapped, so it cannot leak. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketImage(String name, String username, String email) {
}
