package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The links of an object the gateway uses; the others are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketLinks(BitbucketLink self, BitbucketLink html, BitbucketLink avatar) {
}
