package io.pipelinesgateway.bitbucket;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A dependency cache a step saved. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketCache(String type, String uuid, @JsonProperty("pipeline_uuid") String pipelineUuid,
        @JsonProperty("step_uuid") String stepUuid, String name, @JsonProperty("key_hash") String keyHash,
        String path, @JsonProperty("file_size_bytes") Long fileSizeBytes,
        @JsonProperty("created_on") OffsetDateTime createdOn) {
}
