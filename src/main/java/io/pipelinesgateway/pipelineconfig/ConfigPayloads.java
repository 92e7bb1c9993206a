package io.pipelinesgateway.pipelineconfig;

import java.util.List;

import io.pipelinesgateway.graphql.UserError;

/** What the repository configuration mutations return: the setting as Bitbucket now has it, or why not. */
final class ConfigPayloads {

    private ConfigPayloads() {
    }

    /** What {@code setPipelinesEnabled} returns. */
    record Enabled(PipelinesConfiguration pipelinesConfiguration, List<UserError> userErrors) {

        static Enabled rejected(UserError error) {
            return new Enabled(null, List.of(error));
        }
    }

    /** What {@code setNextBuildNumber} returns. */
    record BuildNumber(Integer nextBuildNumber, List<UserError> userErrors) {

        static BuildNumber rejected(UserError error) {
            return new BuildNumber(null, List.of(error));
        }
    }
}
