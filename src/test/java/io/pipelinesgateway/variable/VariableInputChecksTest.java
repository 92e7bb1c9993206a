package io.pipelinesgateway.variable;

import java.util.HashMap;
import java.util.Map;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/** The variable mutations check keys, UUIDs, IDs and scopes before calling Bitbucket, naming the field at fault. */
class VariableInputChecksTest extends MutationTestSupport {

    private static final Map<String, Object> REPOSITORY = Map.of("workspace", "acme", "repository", "api");

    @ParameterizedTest
    @ValueSource(strings = {"", "9LIVES", "MY-KEY", "MY.KEY", "MY KEY"})
    void aKeyThatBuildScriptsCannotReadIsRejected(String key) {
        assertRejectedBeforeBitbucket(create(REPOSITORY, key), "input", "key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_PRIVATE", "lower_case", "K", "A1_B2"})
    void aKeyOfLettersDigitsAndUnderscoresIsAccepted(String key) {
        stub(post(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/variables/")), 201,
                "repository-variable-created.json");

        create(REPOSITORY, key).errors().verify();

        bitbucket.verify(1, postRequestedFor(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/variables/")));
    }

    @Test
    void aMalformedEnvironmentUuidIsRejected() {
        assertRejectedBeforeBitbucket(create(Map.of("workspace", "acme", "repository", "api",
                "environmentUuid", "production"), "KEY"), "input", "scope", "environmentUuid");
    }

    @Test
    void anEnvironmentWithoutItsRepositoryIsRejected() {
        assertRejectedBeforeBitbucket(create(Map.of("workspace", "acme",
                "environmentUuid", "{7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3}"), "KEY"), "input", "scope", "repository");
    }

    @Test
    void aScopeNamingBothAWorkspaceAndATeamIsRejected() {
        assertRejectedBeforeBitbucket(create(Map.of("workspace", "acme", "team", "acme"), "KEY"), "input", "scope");
    }

    @Test
    void anEmptyScopeIsRejected() {
        assertRejectedBeforeBitbucket(create(Map.of(), "KEY"), "input", "scope", "workspace");
    }

    @Test
    void aChangeOfNothingIsRejected() {
        GraphQlTester.Response response = graphQl.document("""
                        mutation { updateVariable(input: {id: "%s"}) { variable { id } } }"""
                        .formatted(GlobalId.encode("Variable", "REPOSITORY", "acme", "api",
                                "{1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d}")))
                .execute();

        assertRejectedBeforeBitbucket(response, "input");
    }

    @Test
    void theIdOfSomethingElseIsRejected() {
        GraphQlTester.Response response = graphQl.document("""
                        mutation { deleteVariable(input: {id: "%s"}) { deleted } }"""
                        .formatted(GlobalId.encode("Repository", "acme", "api")))
                .execute();

        assertRejectedBeforeBitbucket(response, "input", "id");
    }

    @Test
    void anIdThatIsNotTheGatewaysIsRejected() {
        GraphQlTester.Response response = graphQl.document("""
                        mutation { deleteVariable(input: {id: "definitely not an id"}) { deleted } }""")
                .execute();

        assertRejectedBeforeBitbucket(response, "input", "id");
    }

    private GraphQlTester.Response create(Map<String, Object> scope, String key) {
        Map<String, Object> input = new HashMap<>(Map.of("scope", scope, "value", "v"));
        input.put("key", key);
        return graphQl.document("""
                        mutation Create($input: CreateVariableInput!) {
                          createVariable(input: $input) { variable { id } userErrors { field message } }
                        }""")
                .variable("input", input)
                .execute();
    }
}
