package io.pipelinesgateway.bitbucket;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline run as Bitbucket reports it.
 *
 * @param durationInSeconds Bitbucket's own duration of the run (its build time), which leaves out waits such as a
 *                          pause before a manual step
 * @param labels            Bitbucket's labels of the run, read as whatever JSON they come as
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketPipeline(String type, String uuid, @JsonProperty("build_number") Integer buildNumber, BitbucketAccount creator,
        BitbucketRepository repository, BitbucketTarget target, BitbucketNamed trigger, BitbucketState state,
        @JsonProperty("created_on") OffsetDateTime createdOn, @JsonProperty("completed_on") OffsetDateTime completedOn,
        @JsonProperty("build_seconds_used") Integer buildSecondsUsed, List<BitbucketVariable> variables,
        @JsonProperty("configuration_sources") List<BitbucketConfigurationSource> configurationSources,
        @JsonProperty("run_number") Integer runNumber,
        @JsonProperty("duration_in_seconds") Integer durationInSeconds, Boolean expired,
        @JsonProperty("first_successful") Boolean firstSuccessful, JsonNode labels) {

    public BitbucketPipeline {
        // JSON null reads as a null node: it means no labels, as an absent field does.
        labels = labels == null || labels.isNull() ? null : labels;
    }

    /** The run without its build seconds and duration, which Bitbucket counts up while it runs. */
    BitbucketPipeline withoutCounters() {
        return new BitbucketPipeline(type, uuid, buildNumber, creator, repository, target, trigger, state, createdOn,
                completedOn, null, variables, configurationSources, runNumber, null, expired, firstSuccessful, labels);
    }
}
