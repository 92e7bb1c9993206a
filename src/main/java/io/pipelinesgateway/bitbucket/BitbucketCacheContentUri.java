package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Where a cache's archive can be downloaded from. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketCacheContentUri(String uri) {
}
