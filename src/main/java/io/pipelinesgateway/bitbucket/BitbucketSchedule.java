package io.pipelinesgateway.bitbucket;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A schedule as Bitbucket reports it, and the body that creates or changes one (absent fields are left out). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BitbucketSchedule(String type, String uuid, Boolean enabled, BitbucketTarget target,
        @JsonProperty("cron_pattern") String cronPattern, @JsonProperty("created_on") OffsetDateTime createdOn,
        @JsonProperty("updated_on") OffsetDateTime updatedOn) {
}
