package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Bitbucket user or team, as the creator of a pipeline. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketAccount(String type, String uuid, @JsonProperty("display_name") String displayName, String nickname,
        @JsonProperty("account_id") String accountId, BitbucketLinks links) {
}
