package io.pipelinesgateway.pipeline;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.pipelinesgateway.bitbucket.DiscriminatedNames;
import io.pipelinesgateway.bitbucket.BitbucketAccount;
import io.pipelinesgateway.bitbucket.BitbucketConfigurationSource;
import io.pipelinesgateway.bitbucket.BitbucketNamed;
import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.variable.PipelineVariable;

/**
 * A pipeline run as the schema shows it, located by the workspace and repository it was read from, and by its UUID,
 * or by its build number when Bitbucket's answer lacks the UUID (Bitbucket takes either in the same path segment).
 */
public record Pipeline(String workspace, String repositorySlug, String uuid, Integer buildNumber, PipelineState state,
        PipelineTarget target, Trigger trigger, Account creator, OffsetDateTime createdOn,
        OffsetDateTime completedOn, Integer buildSecondsUsed, List<PipelineVariable> variables,
        List<BitbucketConfigurationSource> configurationSources, String webUrl) {

    /** What started a pipeline. */
    public record Trigger(String kind, String name) {

        static Trigger from(BitbucketNamed trigger) {
            if (trigger == null) {
                return null;
            }
            String name = DiscriminatedNames.nameOf(trigger, "pipeline_trigger_");
            return new Trigger(DiscriminatedNames.known(name, "PUSH", "MANUAL", "SCHEDULE"), trigger.name());
        }
    }

    /** The account that created a pipeline. */
    public record Account(String uuid, String displayName, String nickname, String accountId, String avatarUrl) {

        static Account from(BitbucketAccount account) {
            if (account == null) {
                return null;
            }
            String avatar = account.links() == null || account.links().avatar() == null ? null
                    : account.links().avatar().href();
            return new Account(account.uuid(), account.displayName(), account.nickname(), account.accountId(),
                    avatar);
        }
    }

    public static Pipeline from(String workspace, String repository, BitbucketPipeline pipeline,
            String bitbucketWebUrl) {
        return from(workspace, repository, pipeline.uuid(), pipeline.buildNumber(), pipeline, bitbucketWebUrl);
    }

    /** A pipeline read by its key: what the key says (its UUID or build number) fills in what the answer lacks. */
    public static Pipeline from(PipelineKey key, BitbucketPipeline pipeline, String bitbucketWebUrl) {
        boolean byNumber = key.id() != null && key.id().matches("[0-9]{1,9}");
        return from(key.workspace(), key.repository(),
                pipeline.uuid() == null && !byNumber ? key.id() : pipeline.uuid(),
                pipeline.buildNumber() == null && byNumber ? Integer.valueOf(key.id()) : pipeline.buildNumber(),
                pipeline, bitbucketWebUrl);
    }

    private static Pipeline from(String workspace, String repository, String uuid, Integer buildNumber,
            BitbucketPipeline pipeline, String bitbucketWebUrl) {
        List<PipelineVariable> variables = pipeline.variables() == null ? List.of()
                : pipeline.variables().stream().map(PipelineVariable::from).toList();
        return new Pipeline(workspace, repository, uuid, buildNumber, PipelineState.from(pipeline.state()),
                PipelineTarget.from(pipeline.target()), Trigger.from(pipeline.trigger()),
                Account.from(pipeline.creator()), pipeline.createdOn(), pipeline.completedOn(),
                pipeline.buildSecondsUsed(), variables,
                pipeline.configurationSources() == null ? List.of() : pipeline.configurationSources(),
                buildNumber == null ? null
                        : bitbucketWebUrl + "/" + workspace + "/" + repository + "/pipelines/results/" + buildNumber);
    }

    public String id() {
        String locator = locator();
        return GlobalId.encode("Pipeline", workspace, repositorySlug, locator == null ? "" : locator);
    }

    /** What locates the pipeline in its repository: its UUID, else its build number; null if the answer had neither. */
    private String locator() {
        return uuid != null ? uuid : buildNumber != null ? String.valueOf(buildNumber) : null;
    }

    public PipelineStatus status() {
        return state.status();
    }

    public boolean isTerminal() {
        return state.isTerminal();
    }

    /** Until completion, the time so far: what a status page shows for a running build. */
    public Long durationSeconds() {
        if (createdOn == null) {
            return null;
        }
        OffsetDateTime end = completedOn != null ? completedOn : OffsetDateTime.now();
        return Math.max(0, Duration.between(createdOn, end).toSeconds());
    }

    public PipelineKey key() {
        return new PipelineKey(workspace, repositorySlug, locator());
    }

    public RepositoryKey repositoryKey() {
        return new RepositoryKey(workspace, repositorySlug);
    }
}
