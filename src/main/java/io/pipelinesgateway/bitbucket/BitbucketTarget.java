package io.pipelinesgateway.bitbucket;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a pipeline built: a ref, a commit, a pull request, or a merge queue's branch; fields that do not apply to the
 * kind are null, and are left out when the gateway sends a target to run or to schedule.
 *
 * @param targetBranch   the branch a merge queue merges into ({@code pipeline_merge_queue_ref_target})
 * @param pullrequestIds the pull requests a merge queue's build holds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BitbucketTarget(String type, @JsonProperty("ref_type") String refType, @JsonProperty("ref_name") String refName,
        BitbucketCommit commit, BitbucketSelector selector, String source, String destination,
        @JsonProperty("destination_commit") BitbucketCommit destinationCommit, BitbucketPullRequest pullrequest,
        @JsonProperty("target_branch") String targetBranch,
        @JsonProperty("pullrequest_ids") List<Long> pullrequestIds) {
}
