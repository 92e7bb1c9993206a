package io.pipelinesgateway.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.pipelinesgateway.repository.RepositoryKey;

/**
 * What travels on the {@link EventBus}: what the status watcher saw change in one repository, or a request that it
 * look again. Events carry Bitbucket's own representations, so every replica turns them into schema types the same
 * way; they never carry a credential. They are JSON on Redis, hence the type names.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PipelineChanged.class, name = "pipeline"),
        @JsonSubTypes.Type(value = StepChanged.class, name = "step"),
        @JsonSubTypes.Type(value = LogAppended.class, name = "log"),
        @JsonSubTypes.Type(value = RefreshRequested.class, name = "refresh")})
public sealed interface WatchEvent permits PipelineChanged, StepChanged, LogAppended, RefreshRequested {

    /** The workspace's slug. */
    String workspace();

    /** The repository's slug. */
    String repository();

    /** The repository the event concerns: the unit events are routed and watched by. */
    @JsonIgnore
    default RepositoryKey repositoryKey() {
        return new RepositoryKey(workspace(), repository());
    }
}
