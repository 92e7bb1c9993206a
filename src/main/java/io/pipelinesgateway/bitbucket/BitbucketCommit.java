package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A commit a pipeline built, or names to build; {@code type} is {@code commit} where Bitbucket's examples send it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BitbucketCommit(String type, String hash, String message) {

    /** A commit named by its hash alone, as the body of a change sends it. */
    public static BitbucketCommit of(String type, String hash) {
        return new BitbucketCommit(type, hash, null);
    }
}
