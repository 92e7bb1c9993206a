package io.pipelinesgateway.bitbucket;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;
import static io.pipelinesgateway.support.TestSecrets.REPOSITORY_SECRET;
import static io.pipelinesgateway.support.TestSecrets.SSH_PRIVATE_KEY_BODY;
import static io.pipelinesgateway.support.TestSecrets.privateKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket's one-line explanation of a rejected change reaches the caller, but never the secrets the change sent
 * (a secured variable's value, a private key), which its messages can echo, nor the rest of its error body; and a
 * secret is masked only where it stands whole, so a short one does not mangle the message.
 */
class RejectionsNeverEchoTheSecretsSentTest extends MutationTestSupport {

    /** A 422 (or any 4xx the gateway has no code of its own for) is a rejection of the input like a 400. */
    @ParameterizedTest(name = "answered {0}")
    @ValueSource(ints = {400, 422})
    void aSecuredValueEchoedInTheRejectionIsMasked(int status) {
        rejects(post(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/variables/")), status,
                "Invalid value '" + REPOSITORY_SECRET + "' for DEPLOY_TOKEN");

        GraphQlTester.Response response = graphQl.document("""
                        mutation Create($input: CreateVariableInput!) {
                          createVariable(input: $input) { variable { key } userErrors { field message } }
                        }""")
                .variable("input", Map.of("scope", Map.of("workspace", "acme", "repository", "api"),
                        "key", "DEPLOY_TOKEN", "value", REPOSITORY_SECRET, "secured", true))
                .execute();

        assertThat(messageOf(response, "createVariable")).contains("Invalid value '[REDACTED]' for DEPLOY_TOKEN");
        assertThat(response.returnResponse().toMap().toString())
                .doesNotContain(REPOSITORY_SECRET).doesNotContain("the detail");
    }

    @Test
    void aPrivateKeyEchoedInTheRejectionIsMasked() {
        rejects(put(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/ssh/key_pair")), 400,
                "Not a valid key: " + privateKey(SSH_PRIVATE_KEY_BODY).strip());

        GraphQlTester.Response response = graphQl.document("""
                        mutation Set($input: SetSshKeyPairInput!) {
                          setSshKeyPair(input: $input) { sshKeyPair { publicKey } userErrors { field message } }
                        }""")
                .variable("input", Map.of("workspace", "acme", "repository", "api",
                        "privateKey", privateKey(SSH_PRIVATE_KEY_BODY), "publicKey", "ssh-ed25519 AAAA me@acme"))
                .execute();

        assertThat(messageOf(response, "setSshKeyPair")).startsWith("Bitbucket rejected").contains("Not a valid key");
        assertThat(response.returnResponse().toMap().toString())
                .doesNotContain(SSH_PRIVATE_KEY_BODY).doesNotContain("the detail");
    }

    /**
     * A one-letter secured value (too short to be one of {@code TestSecrets}' distinctive constants, and never meant to
     * be found in a log) masks no letter of the words that hold it: Bitbucket's message stays readable.
     */
    @Test
    void aShortSecuredValueLeavesTheWordsOfTheRejectionWhole() {
        rejects(post(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/variables/")), 409,
                "A variable with the key MAVEN_OPTS already exists.");

        assertThat(messageOf(create("MAVEN_OPTS", "e", true), "createVariable"))
                .endsWith(": A variable with the key MAVEN_OPTS already exists.");
    }

    @Test
    void aShortSecuredValueEchoedWholeIsMasked() {
        rejects(post(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/variables/")), 400,
                "Invalid value 'e' for MAVEN_OPTS: e is reserved.");

        assertThat(messageOf(create("MAVEN_OPTS", "e", true), "createVariable"))
                .endsWith(": Invalid value '[REDACTED]' for MAVEN_OPTS: [REDACTED] is reserved.");
    }

    /** A value sent as not secured is shown to anyone who reads the variable: it is no secret to mask. */
    @Test
    void aValueThatIsNotSecuredIsLeftInTheRejection() {
        rejects(post(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/variables/")), 409,
                "A variable with the key MAVEN_OPTS already exists (value x).");

        assertThat(messageOf(create("MAVEN_OPTS", "x", false), "createVariable"))
                .endsWith(": A variable with the key MAVEN_OPTS already exists (value x).");
    }

    /** A change that leaves 'secured' out may be of a secured variable: its value is masked. */
    @Test
    void aNewValueOfAVariableWhoseSecuredFlagIsNotSentIsMasked() {
        String uuid = "{2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e}";
        rejects(put(urlEqualTo(API_ROOT + "/repositories/acme/api/pipelines_config/variables/"
                + uuid.replace("{", "%7B").replace("}", "%7D"))), 400,
                "Invalid value '" + REPOSITORY_SECRET + "' for DEPLOY_TOKEN");

        GraphQlTester.Response response = graphQl.document("""
                        mutation Update($input: UpdateVariableInput!) {
                          updateVariable(input: $input) { variable { key } userErrors { field message } }
                        }""")
                .variable("input", Map.of("id", GlobalId.encode("Variable", "REPOSITORY", "acme", "api", uuid),
                        "value", REPOSITORY_SECRET))
                .execute();

        assertThat(messageOf(response, "updateVariable")).endsWith(": Invalid value '[REDACTED]' for DEPLOY_TOKEN");
        assertThat(response.returnResponse().toMap().toString()).doesNotContain(REPOSITORY_SECRET);
    }

    private GraphQlTester.Response create(String key, String value, boolean secured) {
        return graphQl.document("""
                        mutation Create($input: CreateVariableInput!) {
                          createVariable(input: $input) { variable { key } userErrors { field message } }
                        }""")
                .variable("input", Map.of("scope", Map.of("workspace", "acme", "repository", "api"),
                        "key", key, "value", value, "secured", secured))
                .execute();
    }

    private void rejects(MappingBuilder change, int status, String message) {
        bitbucket.stubFor(change.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"type": "error", "error": {"message": "%s", "detail": "the detail repeats the input"}}"""
                        .formatted(message.replace("\n", "\\n")))));
    }

    private static String messageOf(GraphQlTester.Response response, String mutation) {
        response.errors().verify();
        return response.path(mutation + ".userErrors[0].message").entity(String.class).get();
    }
}
