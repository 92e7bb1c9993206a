package io.pipelinesgateway.pipeline;

import java.util.Locale;

import io.pipelinesgateway.bitbucket.DiscriminatedNames;
import io.pipelinesgateway.bitbucket.BitbucketCommit;
import io.pipelinesgateway.bitbucket.BitbucketSelector;
import io.pipelinesgateway.bitbucket.BitbucketTarget;

/** What a pipeline built, flattened for the schema, with the one branch name a filter can match. */
public record PipelineTarget(String kind, String refType, String refName, String branch, Commit commit,
        BitbucketSelector selector, PullRequest pullRequest) {

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
    }

    /** Flattens a pipeline's target, or a schedule's, which has the same shape. */
    public static PipelineTarget from(BitbucketTarget target) {
        if (target == null) {
            return null;
        }
        String type = target.type() == null ? "" : target.type();
        return switch (type) {
            case "pipeline_ref_target" -> {
                String refType = target.refType() == null ? "UNKNOWN" : target.refType().toUpperCase(Locale.ROOT);
                boolean branchLike = refType.equals("BRANCH") || refType.equals("NAMED_BRANCH")
                        || refType.equals("BOOKMARK");
                yield new PipelineTarget("REF", DiscriminatedNames.known(refType, "BRANCH", "TAG", "NAMED_BRANCH",
                        "BOOKMARK"), target.refName(), branchLike ? target.refName() : null,
                        Commit.from(target.commit()), target.selector(), null);
            }
            case "pipeline_commit_target" -> new PipelineTarget("COMMIT", null, null, null,
                    Commit.from(target.commit()), target.selector(), null);
            case "pipeline_pullrequest_target" -> new PipelineTarget("PULL_REQUEST", null, null, target.source(),
                    Commit.from(target.commit()), target.selector(), new PullRequest(
                            target.pullrequest() == null || target.pullrequest().id() == null ? null
                                    : String.valueOf(target.pullrequest().id()),
                            target.pullrequest() == null ? null : target.pullrequest().title(), target.source(),
                            target.destination(), Commit.from(target.destinationCommit())));
            default -> new PipelineTarget("UNKNOWN", null, target.refName(), target.refName(),
                    Commit.from(target.commit()), target.selector(), null);
        };
    }
}
