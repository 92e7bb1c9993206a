package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A link to a related page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketLink(String href, String name) {
}
