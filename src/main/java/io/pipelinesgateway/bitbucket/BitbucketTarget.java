package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What a pipeline built: a ref, a commit, or a pull request; fields that do not apply to the kind are null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketTarget(String type, @JsonProperty("ref_type") String refType, @JsonProperty("ref_name") String refName,
        BitbucketCommit commit, BitbucketSelector selector, String source, String destination,
        @JsonProperty("destination_commit") BitbucketCommit destinationCommit, BitbucketPullRequest pullrequest) {
}
