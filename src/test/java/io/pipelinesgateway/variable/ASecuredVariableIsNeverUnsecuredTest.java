package io.pipelinesgateway.variable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;
import static io.pipelinesgateway.support.TestSecrets.REPOSITORY_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secured variable stays secured, as in Bitbucket, which lets one only be given a new value or be deleted: a change
 * to {@code secured: false} is refused (BAD_USER_INPUT on {@code input.secured}) before it is sent, with or without a
 * new value, whatever Bitbucket would answer, so the gateway is never the way a secured value is read back.
 */
class ASecuredVariableIsNeverUnsecuredTest extends MutationTestSupport {

    private static final String VARIABLES = API_ROOT + "/repositories/acme/api/pipelines_config/variables/";

    @Test
    void unsecuringASecuredVariableIsRefusedBeforeAnyChange() {
        String uuid = "{9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01}";
        holds(uuid, true);

        GraphQlTester.Response response = update(uuid, Map.of("secured", false));

        assertRefusedBeforeAnyChange(response);
    }

    /** Bitbucket's rule has no exception for a new value: delete the variable and create it again instead. */
    @Test
    void unsecuringASecuredVariableWithANewValueIsRefusedToo() {
        String uuid = "{9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c02}";
        holds(uuid, true);

        assertRefusedBeforeAnyChange(update(uuid, Map.of("secured", false, "value", "plain")));
    }

    @Test
    void aVariableThatIsNotSecuredMayBeSentAsNotSecured() {
        String uuid = "{9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c03}";
        holds(uuid, false);

        GraphQlTester.Response response = update(uuid, Map.of("secured", false, "value", "plain"));

        response.errors().verify();
        response.path("updateVariable.variable.value").entity(String.class).isEqualTo("plain");
        bitbucket.verify(1, putRequestedFor(urlEqualTo(item(uuid))).withRequestBody(equalToJson("""
                {"type": "pipeline_variable", "uuid": "%s", "value": "plain", "secured": false}""".formatted(uuid))));
    }

    /** Where Bitbucket has no read of one variable (a deployment environment's), its listing is read. */
    @Test
    void aDeploymentVariableIsLookedUpInItsListing() {
        String environment = "{7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3}";
        String uuid = "{4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f80}";
        stub(get(urlPathEqualTo(API_ROOT + "/repositories/acme/api/deployments_config/environments/"
                + encoded(environment) + "/variables")), 200, "deployment-variables.json");
        bitbucket.stubFor(put(urlPathEqualTo(API_ROOT + "/repositories/acme/api/deployments_config/environments/"
                + encoded(environment) + "/variables/" + encoded(uuid))).willReturn(unsecuredAnswer(uuid)));

        GraphQlTester.Response response = graphQl.document("""
                        mutation Update($input: UpdateVariableInput!) {
                          updateVariable(input: $input) { variable { value secured } userErrors { field message } }
                        }""")
                .variable("input", Map.of("id", GlobalId.encode("Variable", "DEPLOYMENT_ENVIRONMENT", "acme", "api",
                        environment, uuid), "secured", false))
                .execute();

        assertRefusedBeforeAnyChange(response);
    }

    /** Bitbucket holds the variable {@code uuid}, secured or not; asked to unsecure it, it would show its value. */
    private void holds(String uuid, boolean secured) {
        bitbucket.stubFor(get(urlPathEqualTo(item(uuid))).willReturn(WireMock.okJson("""
                {"type": "pipeline_variable", "uuid": "%s", "key": "DEPLOY_TOKEN"%s, "secured": %s}"""
                .formatted(uuid, secured ? "" : ", \"value\": \"old\"", secured))));
        bitbucket.stubFor(put(urlPathEqualTo(item(uuid))).willReturn(secured ? unsecuredAnswer(uuid)
                : WireMock.okJson("""
                        {"type": "pipeline_variable", "uuid": "%s", "key": "DEPLOY_TOKEN", "value": "plain",
                         "secured": false}""".formatted(uuid))));
    }

    /** What an upstream that unsecures a secured variable would answer: its value, for anyone to read. */
    private static ResponseDefinitionBuilder unsecuredAnswer(String uuid) {
        return WireMock.okJson("""
                {"type": "pipeline_variable", "uuid": "%s", "key": "DEPLOY_TOKEN", "value": "%s", "secured": false}"""
                .formatted(uuid, REPOSITORY_SECRET));
    }

    private GraphQlTester.Response update(String uuid, Map<String, Object> change) {
        Map<String, Object> input = new HashMap<>(change);
        input.put("id", id(uuid));
        return graphQl.document("""
                        mutation Update($input: UpdateVariableInput!) {
                          updateVariable(input: $input) { variable { value secured } userErrors { field message } }
                        }""")
                .variable("input", input)
                .execute();
    }

    /** One top-level BAD_USER_INPUT on {@code input.secured}, no payload, no secret, and nothing but reads sent. */
    private void assertRefusedBeforeAnyChange(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions())
                    .containsEntry("code", "BAD_USER_INPUT")
                    .containsEntry("field", List.of("input", "secured"));
            assertThat(errors.get(0).getMessage()).contains("A secured variable stays secured");
        });
        response.path("updateVariable").valueIsNull();
        assertThat(response.returnResponse().toMap().toString()).doesNotContain(REPOSITORY_SECRET);
        bitbucket.verify(0, putRequestedFor(WireMock.anyUrl()));
        assertThat(bitbucket.findAll(anyRequestedFor(WireMock.anyUrl())))
                .allSatisfy(request -> assertThat(request.getMethod().getName()).isEqualTo("GET"));
    }

    private static String id(String uuid) {
        return GlobalId.encode("Variable", "REPOSITORY", "acme", "api", uuid);
    }

    private static String item(String uuid) {
        return VARIABLES + encoded(uuid);
    }

    private static String encoded(String uuid) {
        return uuid.replace("{", "%7B").replace("}", "%7D");
    }
}
