package io.pipelinesgateway.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.pipelinesgateway.bitbucket.BitbucketCommit;
import io.pipelinesgateway.bitbucket.BitbucketPullRequest;
import io.pipelinesgateway.bitbucket.BitbucketRunRequest;
import io.pipelinesgateway.bitbucket.BitbucketTarget;
import io.pipelinesgateway.bitbucket.BitbucketVariable;
import io.pipelinesgateway.error.InvalidInputException;
import io.pipelinesgateway.graphql.Inputs;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.variable.VariableKeys;

/**
 * The inputs of {@code runPipeline} and {@code stopPipeline}, checked and turned into Bitbucket's request before any
 * call. Each trigger shape of Bitbucket's "Run a pipeline" maps to one target: a ref (a branch, or a commit on a
 * branch, tag, named branch or bookmark, optionally with a custom selector), a commit with a selector, or a pull
 * request.
 */
final class RunInputs {

    private static final Pattern COMMIT_HASH = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final List<String> REF_TYPES = List.of("BRANCH", "TAG", "NAMED_BRANCH", "BOOKMARK");

    private RunInputs() {
    }

    /** Input of {@code runPipeline}. */
    record Run(String workspace, String repository, Target target, List<RunVariable> variables) {

        RepositoryKey repositoryKey() {
            return RepositoryKey.fromInput(workspace, repository);
        }

        /** Bitbucket's request; a key given twice is refused here, as each is the name of one variable. */
        BitbucketRunRequest body() {
            List<RunVariable> given = variables == null ? List.of() : variables;
            List<BitbucketVariable> checked = new java.util.ArrayList<>();
            Map<String, Integer> indexOfKey = new HashMap<>();
            for (int index = 0; index < given.size(); index++) {
                String field = "input.variables." + index;
                BitbucketVariable variable = given.get(index).toVariable(field);
                Integer first = indexOfKey.putIfAbsent(variable.key(), index);
                if (first != null) {
                    throw new InvalidInputException(field + ".key", "'" + field + ".key' is '" + variable.key()
                            + "', as 'input.variables." + first + ".key' is: give each variable of a run once.");
                }
                checked.add(variable);
            }
            return new BitbucketRunRequest(target.toTarget(), checked);
        }
    }

    /** Exactly one kind of target (the schema's {@code @oneOf} guarantees it). */
    record Target(RefTarget ref, CommitTarget commit, PullRequestTarget pullRequest) {

        BitbucketTarget toTarget() {
            if (ref != null) {
                return ref.toTarget();
            }
            if (commit != null) {
                return commit.toTarget();
            }
            return pullRequest.toTarget();
        }
    }

    /** A branch, tag, named branch or bookmark; with a commit, that commit in the ref's context. */
    record RefTarget(String refType, String refName, String commitHash, PipelineSelectorInput selector) {

        BitbucketTarget toTarget() {
            String type = refType == null ? "BRANCH" : refType;
            if (!REF_TYPES.contains(type)) {
                throw new InvalidInputException("input.target.ref.refType",
                        "'input.target.ref.refType' must be one of " + REF_TYPES + "; it was " + type + ".");
            }
            return new BitbucketTarget("pipeline_ref_target", type.toLowerCase(Locale.ROOT),
                    Inputs.nonBlank(refName, "input.target.ref.refName"),
                    commitHash == null ? null : commit("commit", commitHash, "input.target.ref.commitHash"),
                    selector == null ? null : selector.toSelector("input.target.ref.selector"), null, null, null,
                    null, null, null);
        }
    }

    /** A commit, run with the definition the selector names. */
    record CommitTarget(String commitHash, PipelineSelectorInput selector) {

        BitbucketTarget toTarget() {
            return new BitbucketTarget("pipeline_commit_target", null, null,
                    commit("commit", commitHash, "input.target.commit.commitHash"),
                    selector.toSelector("input.target.commit.selector"), null, null, null, null, null, null);
        }
    }

    /** A pull request: its source merged onto its destination. */
    record PullRequestTarget(int id, String sourceBranch, String destinationBranch, String commitHash,
            String destinationCommitHash, PipelineSelectorInput selector) {

        /** The pull request goes as {@code {"id": 3}}: the spec types its id as an integer (its example quotes it). */
        BitbucketTarget toTarget() {
            long number = Inputs.positive(id, "input.target.pullRequest.id");
            return new BitbucketTarget("pipeline_pullrequest_target", null, null,
                    commitHash == null ? null : commit(null, commitHash, "input.target.pullRequest.commitHash"),
                    selector == null ? null : selector.toSelector("input.target.pullRequest.selector"),
                    Inputs.nonBlank(sourceBranch, "input.target.pullRequest.sourceBranch"),
                    Inputs.nonBlank(destinationBranch, "input.target.pullRequest.destinationBranch"),
                    destinationCommitHash == null ? null
                            : commit(null, destinationCommitHash, "input.target.pullRequest.destinationCommitHash"),
                    new BitbucketPullRequest(number, null), null, null);
        }
    }

    /** A variable of one run. Its value may be a secret, so {@code toString} never shows it. */
    record RunVariable(String key, String value, Boolean secured) {

        /** As Bitbucket's reference sends it: {@code secured} only for a secured variable, since it defaults off. */
        BitbucketVariable toVariable(String field) {
            return new BitbucketVariable(null, null, VariableKeys.check(key, field + ".key"), value,
                    Boolean.TRUE.equals(secured) ? Boolean.TRUE : null);
        }

        @Override
        public String toString() {
            return "RunVariable[key=" + key + ", value=[redacted], secured=" + secured + "]";
        }
    }

    /** Input of {@code stopPipeline}. */
    record Stop(String id) {

        PipelineKey pipelineKey() {
            return PipelineNodeType.ID.decodeInput(id, "input.id");
        }
    }

    private static BitbucketCommit commit(String type, String hash, String field) {
        if (hash == null || !COMMIT_HASH.matcher(hash).matches()) {
            throw new InvalidInputException(field, "'" + field + "' must be a commit hash of 7 to 40 hexadecimal "
                    + "characters; it was '" + hash + "'.");
        }
        return BitbucketCommit.of(type, hash);
    }
}
