package io.pipelinesgateway.variable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pipelinesgateway.support.SandboxFlowSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through GraphQL against the sandbox, at each level: a variable is created, changed and deleted, and the next query
 * shows each change (the response cache holds the listing read before each change, which the change evicts).
 */
class VariableLifecycleOnTheSandboxTest extends SandboxFlowSupport {

    private static final String FIELDS = "nodes { id key value secured level }";

    /** A level: the scope a new variable is created in, and the query that lists the level's variables. */
    private record Where(Map<String, Object> scope, String query, Map<String, Object> variables, String nodes) {
    }

    @ParameterizedTest
    @EnumSource(VariableScope.Level.class)
    void aVariableIsCreatedChangedAndDeletedAndEachChangeShowsInTheNextQuery(VariableScope.Level level) {
        Where where = where(level);
        String key = "FLOW_" + level.name();
        assertThat(find(where, key)).isEmpty();

        Map<String, Object> input = new HashMap<>(Map.of("scope", where.scope(), "key", key, "value", "first"));
        String id = ok("""
                        mutation Create($input: CreateVariableInput!) {
                          createVariable(input: $input) { variable { id level } userErrors { field message } }
                        }""", "input", input)
                .path("createVariable.variable.id").entity(String.class).get();
        assertThat(find(where, key)).hasValueSatisfying(variable -> {
            assertThat(variable).containsEntry("id", id).containsEntry("value", "first")
                    .containsEntry("level", level.name());
        });

        ok("""
                mutation Update($id: ID!) {
                  updateVariable(input: {id: $id, value: "second"}) { variable { id } userErrors { field message } }
                }""", "id", id);
        assertThat(find(where, key)).hasValueSatisfying(variable ->
                assertThat(variable).containsEntry("value", "second"));

        ok("""
                mutation Delete($id: ID!) {
                  deleteVariable(input: {id: $id}) { deleted userErrors { field message } }
                }""", "id", id)
                .path("deleteVariable.deleted").entity(Boolean.class).isEqualTo(true);
        assertThat(find(where, key)).isEmpty();
    }

    private Where where(VariableScope.Level level) {
        return switch (level) {
            case WORKSPACE -> new Where(Map.of("workspace", "globex"),
                    "{ workspace(slug: \"globex\") { variables { " + FIELDS + " } } }", Map.of(),
                    "workspace.variables.nodes");
            case REPOSITORY -> new Where(Map.of("workspace", "acme", "repository", "web-app"),
                    "{ repository(workspace: \"acme\", slug: \"web-app\") { variables { " + FIELDS + " } } }",
                    Map.of(), "repository.variables.nodes");
            case DEPLOYMENT_ENVIRONMENT -> {
                Map<String, Object> staging = ok("""
                        { repository(workspace: "acme", slug: "web-app") {
                            deploymentEnvironments { nodes { id uuid name } } } }""")
                        .path("repository.deploymentEnvironments.nodes[?(@.name == 'Staging')]")
                        .entityList(Map.class).get().get(0);
                yield new Where(Map.of("workspace", "acme", "repository", "web-app",
                        "environmentUuid", staging.get("uuid")),
                        "query Environment($id: ID!) { node(id: $id) { ... on DeploymentEnvironment { variables { "
                                + FIELDS + " } } } }", Map.of("id", staging.get("id")), "node.variables.nodes");
            }
            case TEAM -> new Where(Map.of("team", "globex"),
                    "{ teamVariables(team: \"globex\") { " + FIELDS + " } }", Map.of(), "teamVariables.nodes");
            case USER -> new Where(Map.of("user", "sandbox-user"),
                    "{ userVariables(user: \"sandbox-user\") { " + FIELDS + " } }", Map.of(), "userVariables.nodes");
        };
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> find(Where where, String key) {
        Object[] variables = where.variables().entrySet().stream()
                .flatMap(entry -> java.util.stream.Stream.of(entry.getKey(), entry.getValue())).toArray();
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) (List<?>) ok(where.query(), variables)
                .path(where.nodes()).entityList(Map.class).get();
        return nodes.stream().filter(variable -> key.equals(variable.get("key"))).findFirst();
    }
}
