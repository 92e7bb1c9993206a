package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A repository's SSH key pair. The private key is write-only: it is only ever sent, Bitbucket never returns it, and
 * {@link #toString()} never shows it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BitbucketSshKeyPair(String type, @JsonProperty("private_key") String privateKey,
        @JsonProperty("public_key") String publicKey) {

    @Override
    public String toString() {
        return "BitbucketSshKeyPair[type=" + type + ", privateKey=[redacted], publicKey=" + publicKey + "]";
    }
}
