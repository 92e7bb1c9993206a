package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a pipeline built: a ref, a commit, or a pull request; fields that do not apply to the kind are null, and are
 * left out when the gateway sends a target to run or to schedule.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BitbucketTarget(String type, @JsonProperty("ref_type") String refType, @JsonProperty("ref_name") String refName,
        BitbucketCommit commit, BitbucketSelector selector, String source, String destination,
        @JsonProperty("destination_commit") BitbucketCommit destinationCommit, BitbucketPullRequest pullrequest) {
}
