package io.pipelinesgateway.bitbucket;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Bitbucket workspace. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketWorkspace(String type, String uuid, String slug, String name, @JsonProperty("is_private") Boolean isPrivate,
        @JsonProperty("created_on") OffsetDateTime createdOn, BitbucketLinks links) {
}
