package io.pipelinesgateway.bitbucket;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A pipeline step as Bitbucket reports it.
 *
 * @param trigger how the step starts: {@code pipeline_step_trigger_automatic} or {@code pipeline_step_trigger_manual}
 * @param maxTime the minutes the step may run before Bitbucket stops it; Bitbucket spells it {@code maxTime}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketStep(String type, String uuid, String name, @JsonProperty("started_on") OffsetDateTime startedOn,
        @JsonProperty("completed_on") OffsetDateTime completedOn, BitbucketState state, BitbucketImage image,
        @JsonProperty("setup_commands") List<BitbucketCommand> setupCommands,
        @JsonProperty("script_commands") List<BitbucketCommand> scriptCommands,
        @JsonProperty("duration_in_seconds") Integer durationInSeconds,
        @JsonProperty("build_seconds_used") Integer buildSecondsUsed,
        @JsonProperty("service_containers") List<BitbucketServiceContainer> serviceContainers,
        BitbucketNamed trigger, @JsonProperty("run_number") Integer runNumber,
        @JsonAlias("max_time") Integer maxTime,
        @JsonProperty("teardown_commands") List<BitbucketCommand> teardownCommands) {

    /** The step without its duration and build seconds, which Bitbucket counts up while it runs. */
    BitbucketStep withoutCounters() {
        return new BitbucketStep(type, uuid, name, startedOn, completedOn, state, image, setupCommands, scriptCommands,
                null, null, serviceContainers, trigger, runNumber, maxTime, teardownCommands);
    }
}
