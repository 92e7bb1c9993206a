package io.pipelinesgateway.sandbox;

/**
 * What a pipeline builds: a branch or tag, a bare commit, or a pull request (Bitbucket's
 * {@code pipeline_ref_target}, {@code pipeline_commit_target}, {@code pipeline_pullrequest_target}).
 */
sealed interface SandboxPipelineTarget {

    /** The commit the pipeline checks out. */
    String commit();

    /** Which pipeline definition of {@code bitbucket-pipelines.yml} was selected. */
    Selector selector();

    /** The branch the pipeline belongs to, if any (the source branch of a pull request). */
    String branch();

    /** A {@code pipeline_selector}: type {@code branches}, {@code tags}, {@code default}, {@code custom} or {@code pull-requests}. */
    record Selector(String type, String pattern) {
    }

    /** A branch or tag. */
    record Ref(String refType, String refName, String commit, Selector selector) implements SandboxPipelineTarget {
        @Override
        public String branch() {
            return "branch".equals(refType) ? refName : null;
        }
    }

    /** A commit built without a ref, e.g. a custom pipeline run on a hash. */
    record Commit(String commit, Selector selector) implements SandboxPipelineTarget {
        @Override
        public String branch() {
            return null;
        }
    }

    /** A pull request, built on its source branch. */
    record PullRequest(String source, String destination, String commit, String destinationCommit, long id,
            String title, Selector selector) implements SandboxPipelineTarget {
        @Override
        public String branch() {
            return source;
        }
    }
}
