package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A known host's public key; the fingerprints are Bitbucket's, computed from the key. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BitbucketSshPublicKey(String type, @JsonProperty("key_type") String keyType, String key,
        @JsonProperty("md5_fingerprint") String md5Fingerprint,
        @JsonProperty("sha256_fingerprint") String sha256Fingerprint) {
}
