package io.pipelinesgateway.bitbucket;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A pipeline run as Bitbucket reports it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketPipeline(String type, String uuid, @JsonProperty("build_number") Integer buildNumber, BitbucketAccount creator,
        BitbucketRepository repository, BitbucketTarget target, BitbucketNamed trigger, BitbucketState state,
        @JsonProperty("created_on") OffsetDateTime createdOn, @JsonProperty("completed_on") OffsetDateTime completedOn,
        @JsonProperty("build_seconds_used") Integer buildSecondsUsed, List<BitbucketVariable> variables,
        @JsonProperty("configuration_sources") List<BitbucketConfigurationSource> configurationSources) {
}
