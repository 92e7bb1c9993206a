package io.pipelinesgateway.bitbucket;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
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
 * (a secured variable's value, a private key), which its messages can echo, nor the rest of its error body.
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
