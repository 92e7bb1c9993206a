package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A file a pipeline's configuration was read from. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketConfigurationSource(String source, String uri) {
}
