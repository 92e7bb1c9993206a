package io.pipelinesgateway.pipelineconfig;

import io.pipelinesgateway.bitbucket.BitbucketBuildNumber;
import io.pipelinesgateway.bitbucket.BitbucketPipelinesConfig;
import io.pipelinesgateway.graphql.Inputs;
import io.pipelinesgateway.repository.RepositoryKey;

/** The inputs of the repository configuration mutations, checked before any call. */
final class ConfigInputs {

    private ConfigInputs() {
    }

    /** Input of {@code setPipelinesEnabled}. */
    record SetEnabled(String workspace, String repository, boolean enabled) {

        RepositoryKey repositoryKey() {
            return RepositoryKey.fromInput(workspace, repository);
        }

        BitbucketPipelinesConfig body() {
            return new BitbucketPipelinesConfig("pipelines_config", enabled);
        }
    }

    /** Input of {@code setNextBuildNumber}. */
    record SetNextBuildNumber(String workspace, String repository, int next) {

        RepositoryKey repositoryKey() {
            return RepositoryKey.fromInput(workspace, repository);
        }

        BitbucketBuildNumber body() {
            return new BitbucketBuildNumber("pipeline_build_number", Inputs.positive(next, "input.next"));
        }
    }
}
