package io.pipelinesgateway.variable;

import io.pipelinesgateway.bitbucket.BitbucketVariable;
import io.pipelinesgateway.bitbucket.PathSegments;
import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.error.InvalidInputException;
import io.pipelinesgateway.graphql.Inputs;

/**
 * The inputs of the variable mutations. Each is checked, and turned into the upstream body, before any call; those
 * holding a value never show it in {@code toString}, since the value may be a secret.
 */
final class VariableInputs {

    private VariableInputs() {
    }

    /** Where a new variable goes: a workspace (with a repository, and an environment), or a team or user. */
    record Scope(String workspace, String repository, String environmentUuid, String team, String user) {

        VariableScope check() {
            boolean account = team != null || user != null;
            if (account && (workspace != null || repository != null || environmentUuid != null)
                    || team != null && user != null) {
                throw new InvalidInputException("input.scope", "Give either 'input.scope.workspace' (with "
                        + "'repository', and 'environmentUuid' for a deployment environment), or 'team', or 'user'; "
                        + "not several.");
            }
            if (team != null) {
                return VariableScope.team(PathSegments.workspace(Inputs.nonBlank(team, "input.scope.team"), "input.scope.team"));
            }
            if (user != null) {
                return VariableScope.user(Inputs.nonBlank(user, "input.scope.user"));
            }
            if (workspace == null) {
                throw new InvalidInputException("input.scope.workspace", "Give 'input.scope.workspace' (with "
                        + "'repository', and 'environmentUuid' for a deployment environment), or 'team', or 'user'.");
            }
            String slug = PathSegments.workspace(Inputs.nonBlank(workspace, "input.scope.workspace"),
                    "input.scope.workspace");
            if (repository == null) {
                if (environmentUuid != null) {
                    throw new InvalidInputException("input.scope.repository",
                            "'input.scope.repository' is needed with 'environmentUuid': environments belong to a "
                                    + "repository.");
                }
                return VariableScope.workspace(slug);
            }
            String repositorySlug = PathSegments.repository(Inputs.nonBlank(repository, "input.scope.repository"),
                    "input.scope.repository");
            if (environmentUuid == null) {
                return VariableScope.repository(slug, repositorySlug);
            }
            return VariableScope.deploymentEnvironment(slug, repositorySlug,
                    Uuids.braced(environmentUuid, "input.scope.environmentUuid"));
        }
    }

    /** Input of {@code createVariable}. */
    record Create(Scope scope, String key, String value, Boolean secured) {

        BitbucketVariable body(VariableScope checkedScope) {
            return new BitbucketVariable(checkedScope.variableType(), null, VariableKeys.check(key, "input.key"),
                    value, Boolean.TRUE.equals(secured));
        }

        @Override
        public String toString() {
            return "CreateVariableInput[scope=" + scope + ", key=" + key + ", value=[redacted], secured=" + secured
                    + "]";
        }
    }

    /** Input of {@code updateVariable}: fields left out keep their value. */
    record Update(String id, String key, String value, Boolean secured) {

        VariableScope.Located located() {
            return VariableNodeType.ID.decodeInput(id, "input.id");
        }

        BitbucketVariable body(VariableScope.Located variable) {
            if (key == null && value == null && secured == null) {
                throw new InvalidInputException("input", "Give at least one of 'key', 'value' and 'secured' to "
                        + "change.");
            }
            return new BitbucketVariable(variable.scope().variableType(), variable.uuid(),
                    key == null ? null : VariableKeys.check(key, "input.key"), value, secured);
        }

        @Override
        public String toString() {
            return "UpdateVariableInput[id=" + id + ", key=" + key + ", value=[redacted], secured=" + secured + "]";
        }
    }

    /** Input of {@code deleteVariable}. */
    record Delete(String id) {

        VariableScope.Located located() {
            return VariableNodeType.ID.decodeInput(id, "input.id");
        }
    }
}
