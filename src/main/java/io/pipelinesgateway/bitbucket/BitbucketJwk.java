package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One public signing key of a workspace's OIDC provider. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketJwk(String kid, String kty, String alg, String use, String n, String e) {
}
