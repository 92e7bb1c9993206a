package io.pipelinesgateway.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.pipelinesgateway.bitbucket.DiscriminatedNames;
import io.pipelinesgateway.bitbucket.BitbucketCommit;
import io.pipelinesgateway.bitbucket.BitbucketPullRequest;
import io.pipelinesgateway.bitbucket.BitbucketSelector;
import io.pipelinesgateway.bitbucket.BitbucketTarget;

/**
 * What a pipeline built, flattened for the schema, with the one branch name a filter can match. A target of a type
 * the gateway does not know keeps what it can read (ref, branch, commit, pull requests) under kind UNKNOWN.
 *
 * @param type           Bitbucket's type discriminator of the target
 * @param targetBranch   the branch a merge queue merges into
 * @param pullRequestIds the pull requests built: a pull request target's, or those a merge queue's build holds
 */
public record PipelineTarget(String kind, String refType, String refName, String branch, Commit commit,
        BitbucketSelector selector, PullRequest pullRequest, String type, String targetBranch,
        List<String> pullRequestIds) {

    private static final Set<String> BRANCH_LIKE = Set.of("BRANCH", "NAMED_BRANCH", "BOOKMARK");

    /** A commit, with the short hash people read. */
    public record Commit(String hash, String shortHash, String message) {

        static Commit from(BitbucketCommit commit) {
            if (commit == null || commit.hash() == null) {
                return null;
            }
            String hash = commit.hash();
            return new Commit(hash, hash.length() > 12 ? hash.substring(0, 12) : hash, commit.message());
        }
    }

    /** The pull request a pipeline built. */
    public record PullRequest(String id, String title, String sourceBranch, String destinationBranch,
            Commit destinationCommit) {

        static PullRequest from(BitbucketTarget target) {
            BitbucketPullRequest pullRequest = target.pullrequest();
            return new PullRequest(pullRequest == null || pullRequest.id() == null ? null
                    : String.valueOf(pullRequest.id()), pullRequest == null ? null : pullRequest.title(),
                    target.source(), target.destination(), Commit.from(target.destinationCommit()));
        }
    }

    /** Flattens a pipeline's target, or a schedule's, which has the same shape. */
    public static PipelineTarget from(BitbucketTarget target) {
        if (target == null) {
            return null;
        }
        String type = target.type() == null ? "" : target.type();
        String refType = target.refType() == null ? null : target.refType().toUpperCase(Locale.ROOT);
        String knownRefType = refType == null ? null
                : DiscriminatedNames.known(refType, "BRANCH", "TAG", "NAMED_BRANCH", "BOOKMARK");
        String refBranch = BRANCH_LIKE.contains(String.valueOf(refType)) ? target.refName() : null;
        Commit commit = Commit.from(target.commit());
        List<String> pullRequestIds = pullRequestIds(target);
        return switch (type) {
            case "pipeline_ref_target" -> new PipelineTarget("REF", knownRefType == null ? "UNKNOWN" : knownRefType,
                    target.refName(), refBranch, commit, target.selector(), null, target.type(), null,
                    pullRequestIds);
            case "pipeline_commit_target" -> new PipelineTarget("COMMIT", null, null, null, commit,
                    target.selector(), null, target.type(), null, pullRequestIds);
            case "pipeline_pullrequest_target" -> new PipelineTarget("PULL_REQUEST", null, null, target.source(),
                    commit, target.selector(), PullRequest.from(target), target.type(), null, pullRequestIds);
            case "pipeline_merge_queue_ref_target" -> new PipelineTarget("MERGE_QUEUE", knownRefType,
                    target.refName(), refBranch, commit, target.selector(), null, target.type(),
                    target.targetBranch(), pullRequestIds);
            default -> new PipelineTarget("UNKNOWN", knownRefType, target.refName(),
                    unknownTargetsBranch(target, refType, refBranch), commit, target.selector(),
                    target.pullrequest() == null && target.source() == null ? null : PullRequest.from(target),
                    target.type(), target.targetBranch(), pullRequestIds);
        };
    }

    /** A pull request target's own ID, or a merge queue's; empty for other targets. */
    private static List<String> pullRequestIds(BitbucketTarget target) {
        List<String> ids = new ArrayList<>();
        if (target.pullrequest() != null && target.pullrequest().id() != null) {
            ids.add(String.valueOf(target.pullrequest().id()));
        }
        if (target.pullrequestIds() != null) {
            target.pullrequestIds().stream().filter(Objects::nonNull).map(String::valueOf)
                    .filter(id -> !ids.contains(id)).forEach(ids::add);
        }
        return List.copyOf(ids);
    }

    /**
     * The branch of a target the gateway does not know: its ref's name when the ref is a branch (or its type is not
     * said), else its source branch.
     */
    private static String unknownTargetsBranch(BitbucketTarget target, String refType, String refBranch) {
        if (refBranch != null) {
            return refBranch;
        }
        if (refType == null && target.refName() != null) {
            return target.refName();
        }
        return target.source();
    }
}
