package io.pipelinesgateway.pipeline;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pipelinesgateway.bitbucket.DiscriminatedNames;
import io.pipelinesgateway.bitbucket.BitbucketAccount;
import io.pipelinesgateway.bitbucket.BitbucketConfigurationSource;
import io.pipelinesgateway.bitbucket.BitbucketNamed;
import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketState;
import io.pipelinesgateway.bitbucket.PipelineWait;
import io.pipelinesgateway.graphql.IntSeconds;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.variable.PipelineVariable;
import tools.jackson.databind.JsonNode;

/**
 * A pipeline run as the schema shows it, located by the workspace and repository it was read from, and by its UUID,
 * or by its build number when Bitbucket's answer lacks the UUID (Bitbucket takes either in the same path segment).
 *
 * @param buildDurationSeconds Bitbucket's own duration of the run ({@code duration_in_seconds}), null when it sent
 *                             none
 * @param stoppedBy            who stopped the pipeline (the result's {@code terminator}), for a stopped one
 */
public record Pipeline(String workspace, String repositorySlug, String uuid, Integer buildNumber, PipelineState state,
        PipelineTarget target, Trigger trigger, Account creator, OffsetDateTime createdOn,
        OffsetDateTime completedOn, Integer buildSecondsUsed, List<PipelineVariable> variables,
        List<BitbucketConfigurationSource> configurationSources, String webUrl, Integer runNumber,
        Integer buildDurationSeconds, Boolean expired, Boolean firstSuccessful, List<Label> labels,
        Account stoppedBy) {

    /** What started a pipeline; a trigger the gateway does not know keeps Bitbucket's name and type. */
    public record Trigger(String kind, String name, String type) {

        static Trigger from(BitbucketNamed trigger) {
            if (trigger == null) {
                return null;
            }
            String name = DiscriminatedNames.nameOf(trigger, "pipeline_trigger_");
            return new Trigger(DiscriminatedNames.known(name, "PUSH", "MANUAL", "SCHEDULE"), name, trigger.type());
        }
    }

    /** A label of a pipeline run; a value that is not text is its JSON. */
    public record Label(String key, String value) {

        /** Reads labels as an object of keys to values, or a list of names or key-value objects. */
        static List<Label> from(JsonNode labels) {
            List<Label> read = new ArrayList<>();
            if (labels == null) {
                return read;
            }
            if (labels.isObject()) {
                for (Map.Entry<String, JsonNode> label : labels.properties()) {
                    read.add(new Label(label.getKey(), text(label.getValue())));
                }
            }
            else if (labels.isArray()) {
                for (JsonNode label : labels) {
                    if (label.isObject()) {
                        JsonNode key = label.has("key") ? label.get("key") : label.get("name");
                        read.add(new Label(text(key), text(label.get("value"))));
                    }
                    else {
                        read.add(new Label(text(label), null));
                    }
                }
            }
            return read.stream().filter(label -> label.key() != null).toList();
        }

        private static String text(JsonNode value) {
            if (value == null || value.isNull()) {
                return null;
            }
            return value.isValueNode() ? value.asString() : value.toString();
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

    /**
     * A pipeline Bitbucket answered about the repository {@code asked}, named by the repository the answer gives
     * ({@link RepositoryKey#named}), as a pipeline read by its key is.
     */
    public static Pipeline from(RepositoryKey asked, BitbucketPipeline pipeline, String bitbucketWebUrl) {
        RepositoryKey repository = RepositoryKey.named(asked, pipeline.repository());
        return from(repository.workspace(), repository.slug(), pipeline, bitbucketWebUrl);
    }

    /**
     * A pipeline read by its key: what the key says (its UUID or build number) fills in what the answer lacks, and its
     * repository is named by the slugs the answer's {@code repository} gives ({@link RepositoryKey#named}), so a
     * pipeline asked for by its repository's UUIDs has the one ID, and its steps the cache keys, it has by slugs.
     */
    public static Pipeline from(PipelineKey key, BitbucketPipeline pipeline, String bitbucketWebUrl) {
        boolean byNumber = key.id() != null && key.id().matches("[0-9]{1,9}");
        RepositoryKey repository = RepositoryKey.named(new RepositoryKey(key.workspace(), key.repository()),
                pipeline.repository());
        return from(repository.workspace(), repository.slug(),
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
                        : bitbucketWebUrl + "/" + workspace + "/" + repository + "/pipelines/results/" + buildNumber,
                pipeline.runNumber(), pipeline.durationInSeconds(), pipeline.expired(), pipeline.firstSuccessful(),
                Label.from(pipeline.labels()), stoppedBy(pipeline.state()));
    }

    private static Account stoppedBy(BitbucketState state) {
        return state == null || state.result() == null ? null : Account.from(state.result().terminator());
    }

    public String id() {
        String locator = locator();
        return PipelineNodeType.ID.encode(new PipelineKey(workspace, repositorySlug, locator == null ? "" : locator));
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

    /** Whether the pipeline is running a step now: the only state in which its time counts up to now. */
    public boolean isRunning() {
        return completedOn == null && status() == PipelineStatus.RUNNING;
    }

    /**
     * How the pipeline waits, as seen: pending, paused or halted, with the build seconds it had used; null while it
     * runs, once it has completed, or when Bitbucket's answer lacks its build seconds (then a move on could go
     * unseen). Its steps are read under it ({@link PipelineWait}).
     */
    public PipelineWait waiting() {
        if (buildSecondsUsed == null) {
            return null;
        }
        return switch (status()) {
            case PENDING -> new PipelineWait(PipelineWait.Stage.PENDING, buildSecondsUsed);
            case PAUSED -> new PipelineWait(PipelineWait.Stage.PAUSED, buildSecondsUsed);
            case HALTED -> new PipelineWait(PipelineWait.Stage.HALTED, buildSecondsUsed);
            case RUNNING, SUCCESSFUL, FAILED, ERROR, STOPPED, EXPIRED, UNKNOWN -> null;
        };
    }

    /**
     * Wall-clock seconds from creation to completion, or to now while the pipeline runs; null while it is pending,
     * paused or halted (its wait has no end yet), and without a creation time.
     */
    public Integer wallClockSeconds() {
        if (createdOn == null) {
            return null;
        }
        if (completedOn != null) {
            return IntSeconds.between(createdOn, completedOn);
        }
        return isRunning() ? IntSeconds.between(createdOn, OffsetDateTime.now()) : null;
    }

    /**
     * The duration a status page shows: while the pipeline runs, the wall-clock time so far; otherwise Bitbucket's
     * own duration, or the wall-clock time where Bitbucket sent none.
     */
    public Integer durationSeconds() {
        if (isRunning() || buildDurationSeconds == null) {
            return wallClockSeconds();
        }
        return buildDurationSeconds;
    }

    public PipelineKey key() {
        return new PipelineKey(workspace, repositorySlug, locator());
    }

    public RepositoryKey repositoryKey() {
        return new RepositoryKey(workspace, repositorySlug);
    }
}
