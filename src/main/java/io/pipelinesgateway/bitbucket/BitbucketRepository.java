package io.pipelinesgateway.bitbucket;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Bitbucket repository, with the workspace it belongs to. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketRepository(String type, String uuid, String slug, String name, @JsonProperty("full_name") String fullName,
        String description, @JsonProperty("is_private") Boolean isPrivate, BitbucketMainBranch mainbranch,
        String language, @JsonProperty("created_on") OffsetDateTime createdOn,
        @JsonProperty("updated_on") OffsetDateTime updatedOn, BitbucketLinks links, BitbucketWorkspace workspace) {
}
