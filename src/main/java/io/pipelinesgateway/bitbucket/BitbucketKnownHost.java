package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A host the build container trusts over SSH, as read and as sent to create or change one. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BitbucketKnownHost(String type, String uuid, String hostname,
        @JsonProperty("public_key") BitbucketSshPublicKey publicKey) {
}
