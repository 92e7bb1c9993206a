package io.pipelinesgateway.bitbucket;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A pipeline step as Bitbucket reports it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketStep(String type, String uuid, String name, @JsonProperty("started_on") OffsetDateTime startedOn,
        @JsonProperty("completed_on") OffsetDateTime completedOn, BitbucketState state, BitbucketImage image,
        @JsonProperty("setup_commands") List<BitbucketCommand> setupCommands,
        @JsonProperty("script_commands") List<BitbucketCommand> scriptCommands,
        @JsonProperty("duration_in_seconds") Integer durationInSeconds,
        @JsonProperty("build_seconds_used") Integer buildSecondsUsed,
        @JsonProperty("service_containers") List<BitbucketServiceContainer> serviceContainers) {
}
