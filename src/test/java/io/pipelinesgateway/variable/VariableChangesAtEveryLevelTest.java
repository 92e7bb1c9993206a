package io.pipelinesgateway.variable;

import java.util.Map;
import java.util.stream.Stream;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/**
 * A variable is created, changed and deleted at each level (workspace, repository, deployment environment, and the
 * deprecated team and user) with the exact request Bitbucket's reference gives for that level; the variable's ID
 * carries its level, so changes and deletes need nothing else.
 */
class VariableChangesAtEveryLevelTest extends MutationTestSupport {

    private static final String ENVIRONMENT = "{7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3}";

    /** A level: how the input names it, where Bitbucket keeps it, and what it answers. */
    record Level(String name, Map<String, Object> scope, String list, String itemPrefix, String type,
            String createdFile, String uuid, String key, String[] coordinates) {

        @Override
        public String toString() {
            return name;
        }

        String item() {
            return itemPrefix + uuid.replace("{", "%7B").replace("}", "%7D");
        }

        String id() {
            String[] parts = new String[coordinates.length + 2];
            parts[0] = name;
            System.arraycopy(coordinates, 0, parts, 1, coordinates.length);
            parts[parts.length - 1] = uuid;
            return GlobalId.encode("Variable", parts);
        }
    }

    static Stream<Level> levels() {
        return Stream.of(
                new Level("WORKSPACE", Map.of("workspace", "acme"), "/workspaces/acme/pipelines-config/variables",
                        "/workspaces/acme/pipelines-config/variables/", "pipeline_variable",
                        "workspace-variable-created.json", "{3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f}", "ARTIFACTORY_URL",
                        new String[] {"acme"}),
                new Level("REPOSITORY", Map.of("workspace", "acme", "repository", "api"),
                        "/repositories/acme/api/pipelines_config/variables/",
                        "/repositories/acme/api/pipelines_config/variables/", "pipeline_variable",
                        "repository-variable-created.json", "{1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d}", "DEPLOY_REGION",
                        new String[] {"acme", "api"}),
                new Level("DEPLOYMENT_ENVIRONMENT", Map.of("workspace", "acme", "repository", "api",
                        "environmentUuid", "7A8B9C0D-1E2F-4A3B-8C4D-6E7F8091A2B3"),
                        "/repositories/acme/api/deployments_config/environments/%7B7a8b9c0d-1e2f-4a3b-8c4d-"
                                + "6e7f8091a2b3%7D/variables",
                        "/repositories/acme/api/deployments_config/environments/%7B7a8b9c0d-1e2f-4a3b-8c4d-"
                                + "6e7f8091a2b3%7D/variables/", "deployment_variable",
                        "deployment-variable-created.json", "{4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f80}", "DB_PASSWORD",
                        new String[] {"acme", "api", ENVIRONMENT}),
                new Level("TEAM", Map.of("team", "acme-team"), "/teams/acme-team/pipelines_config/variables/",
                        "/teams/acme-team/pipelines_config/variables/", "pipeline_variable",
                        "team-variable-created.json", "{5e6f7a8b-9c0d-4e1f-8a2b-4c5d6e7f8091}", "LEGACY_TEAM_SETTING",
                        new String[] {"acme-team"}),
                new Level("USER", Map.of("user", "jdoe"), "/users/jdoe/pipelines_config/variables/",
                        "/users/jdoe/pipelines_config/variables/", "pipeline_variable", "user-variable-created.json",
                        "{6f7a8b9c-0d1e-4f2a-9b3c-5d6e7f8091a2}", "LEGACY_USER_SETTING", new String[] {"jdoe"}));
    }

    @ParameterizedTest
    @MethodSource("levels")
    void aVariableIsCreatedAtEachLevel(Level level) {
        stub(post(urlEqualTo(API_ROOT + level.list())), 201, level.createdFile());

        GraphQlTester.Response response = graphQl.document("""
                        mutation Create($input: CreateVariableInput!) {
                          createVariable(input: $input) {
                            variable { id uuid level key secured }
                            userErrors { field message }
                          }
                        }""")
                .variable("input", Map.of("scope", level.scope(), "key", level.key(), "value", "some value",
                        "secured", true))
                .execute();

        response.errors().verify();
        response.path("createVariable.variable.id").entity(String.class).isEqualTo(level.id());
        response.path("createVariable.variable.level").entity(String.class).isEqualTo(level.name());
        response.path("createVariable.userErrors").entityList(Object.class).hasSize(0);
        bitbucket.verify(1, postRequestedFor(urlEqualTo(API_ROOT + level.list()))
                .withHeader("Authorization", equalTo(AUTHORIZATION))
                .withRequestBody(equalToJson("""
                        {"type": "%s", "key": "%s", "value": "some value", "secured": true}"""
                        .formatted(level.type(), level.key()))));
    }

    @ParameterizedTest
    @MethodSource("levels")
    void aVariableIsChangedAtEachLevelSendingOnlyTheGivenFields(Level level) {
        stub(put(urlEqualTo(API_ROOT + level.item())), 200, level.createdFile());

        GraphQlTester.Response response = graphQl.document("""
                        mutation Update($id: ID!) {
                          updateVariable(input: {id: $id, value: "new value"}) {
                            variable { id key }
                            userErrors { field message }
                          }
                        }""")
                .variable("id", level.id())
                .execute();

        response.errors().verify();
        response.path("updateVariable.variable.id").entity(String.class).isEqualTo(level.id());
        bitbucket.verify(1, putRequestedFor(urlEqualTo(API_ROOT + level.item())).withRequestBody(equalToJson("""
                {"type": "%s", "uuid": "%s", "value": "new value"}""".formatted(level.type(), level.uuid()))));
    }

    @ParameterizedTest
    @MethodSource("levels")
    void aVariableIsDeletedAtEachLevel(Level level) {
        stubNoContent(delete(urlEqualTo(API_ROOT + level.item())));

        GraphQlTester.Response response = graphQl.document("""
                        mutation Delete($id: ID!) {
                          deleteVariable(input: {id: $id}) { deleted deletedId userErrors { field message } }
                        }""")
                .variable("id", level.id())
                .execute();

        response.errors().verify();
        response.path("deleteVariable.deleted").entity(Boolean.class).isEqualTo(true);
        response.path("deleteVariable.deletedId").entity(String.class).isEqualTo(level.id());
        bitbucket.verify(1, deleteRequestedFor(urlEqualTo(API_ROOT + level.item())).withRequestBody(absent()));
    }
}
