package io.pipelinesgateway.bitbucket;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The public keys of a workspace's OIDC provider. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketJwks(List<BitbucketJwk> keys) {
}
