package io.pipelinesgateway.variable;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.pipelinesgateway.bitbucket.BitbucketVariable;
import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.bitbucket.VariableLevel;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.GlobalId;

/**
 * Where variables are defined: a level and the coordinates that locate it, so one service serves every level.
 *
 * @param level       the level
 * @param coordinates the path parameters of the level, in path order (e.g. workspace and repository)
 */
public record VariableScope(Level level, List<String> coordinates) {

    /** The levels, as the schema names them; Bitbucket's side of each is its {@link VariableLevel}. */
    public enum Level {
        WORKSPACE(VariableLevel.WORKSPACE),
        REPOSITORY(VariableLevel.REPOSITORY),
        DEPLOYMENT_ENVIRONMENT(VariableLevel.DEPLOYMENT_ENVIRONMENT),
        /** Deprecated by Bitbucket in favour of workspaces. */
        TEAM(VariableLevel.TEAM),
        /** Deprecated by Bitbucket in favour of workspaces. */
        USER(VariableLevel.USER);

        private final VariableLevel upstream;

        Level(VariableLevel upstream) {
            this.upstream = upstream;
        }

        int coordinateCount() {
            return upstream.coordinateCount();
        }
    }

    public VariableScope {
        if (coordinates.stream().anyMatch(Objects::isNull)) {
            // A coordinate taken from an answer of Bitbucket's that lacked it (an environment without its UUID).
            throw new GatewayException(ErrorCode.UPSTREAM_INCOMPLETE, "Bitbucket's answer lacked the identifier "
                    + "the gateway needs to read these variables; the rest of the answer stands.");
        }
        coordinates = List.copyOf(coordinates);
        if (coordinates.size() != level.coordinateCount()) {
            throw new IllegalArgumentException(level + " takes " + level.coordinateCount() + " coordinates");
        }
    }

    public static VariableScope workspace(String workspace) {
        return new VariableScope(Level.WORKSPACE, Arrays.asList(workspace));
    }

    public static VariableScope repository(String workspace, String repository) {
        return new VariableScope(Level.REPOSITORY, Arrays.asList(workspace, repository));
    }

    /** @param environmentUuid the environment's UUID, in braces */
    public static VariableScope deploymentEnvironment(String workspace, String repository, String environmentUuid) {
        return new VariableScope(Level.DEPLOYMENT_ENVIRONMENT, Arrays.asList(workspace, repository, environmentUuid));
    }

    public static VariableScope team(String team) {
        return new VariableScope(Level.TEAM, Arrays.asList(team));
    }

    public static VariableScope user(String user) {
        return new VariableScope(Level.USER, Arrays.asList(user));
    }

    /** Bitbucket's level of these variables. */
    VariableLevel upstream() {
        return level.upstream;
    }

    /** The type discriminator Bitbucket gives variables of this level. */
    String variableType() {
        return level == Level.DEPLOYMENT_ENVIRONMENT ? "deployment_variable" : "pipeline_variable";
    }

    /**
     * The scope and the UUID (or, for a variable Bitbucket gave no UUID, the key) a variable's global ID names.
     *
     * @param field where the ID came from, for the error when its UUID is malformed
     * @throws GatewayException BAD_USER_INPUT when the ID's coordinates do not fit its level
     */
    static Located locate(GlobalId id, String field) {
        Level level = Arrays.stream(Level.values())
                .filter(candidate -> candidate.name().equals(id.parts().get(0)))
                .findFirst()
                .orElseThrow(id::malformed);
        int coordinates = level.coordinateCount();
        String locator = id.part(coordinates + 1, coordinates + 2);
        VariableScope scope = new VariableScope(level, id.parts().subList(1, coordinates + 1));
        return VariableKeys.isKey(locator) ? new Located(scope, null, locator)
                : new Located(scope, Uuids.braced(locator, field), null);
    }

    /** A variable's place: its scope, and its UUID or else its key. */
    record Located(VariableScope scope, String uuid, String key) {

        /** Whether {@code variable} is the one located here. */
        boolean matches(BitbucketVariable variable) {
            return uuid != null ? uuid.equalsIgnoreCase(variable.uuid()) : key.equals(variable.key());
        }
    }
}
