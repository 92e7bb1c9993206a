package io.pipelinesgateway.ssh;

import java.util.Map;

import io.pipelinesgateway.support.MutationTestSupport;
import io.pipelinesgateway.support.TestSecrets;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/**
 * The SSH key pair's private key is sent to Bitbucket and never comes back, not even when an upstream echoes it;
 * a repository without a key pair reads as null.
 */
class SshKeyPairTest extends MutationTestSupport {

    private static final String KEY_PAIR = API_ROOT + "/repositories/acme/api/pipelines_config/ssh/key_pair";
    private static final String PRIVATE_KEY = TestSecrets.privateKey(TestSecrets.SSH_PRIVATE_KEY_BODY);
    private static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG7pipelinesdeploykeyexample "
            + "pipelines@acme";

    @Test
    void theKeyPairIsSentWithItsPrivateKeyAndOnlyThePublicKeyComesBack() {
        stub(put(urlEqualTo(KEY_PAIR)), 200, "ssh-key-pair-saved.json");

        GraphQlTester.Response response = graphQl.document("""
                        mutation Set($input: SetSshKeyPairInput!) {
                          setSshKeyPair(input: $input) { sshKeyPair { publicKey } userErrors { field message } }
                        }""")
                .variable("input", Map.of("workspace", "acme", "repository", "api", "privateKey", PRIVATE_KEY,
                        "publicKey", PUBLIC_KEY))
                .execute();

        response.errors().verify();
        response.path("setSshKeyPair.sshKeyPair.publicKey").entity(String.class).isEqualTo(PUBLIC_KEY);
        assertThat(response.returnResponse().toMap().toString())
                .doesNotContain("PRIVATE KEY").doesNotContain("wrongly echoes");
        bitbucket.verify(1, putRequestedFor(urlEqualTo(KEY_PAIR)).withRequestBody(equalToJson("""
                {"type": "pipeline_ssh_key_pair", "private_key": "%s", "public_key": "%s"}"""
                .formatted(PRIVATE_KEY.replace("\n", "\\n"), PUBLIC_KEY))));
    }

    @Test
    void anEmptyPrivateKeyIsRejectedBeforeBitbucket() {
        GraphQlTester.Response response = graphQl.document("""
                        mutation { setSshKeyPair(input: {workspace: "acme", repository: "api", privateKey: "",
                                                         publicKey: "ssh-ed25519 AAAA"}) { sshKeyPair { publicKey } } }""")
                .execute();

        assertRejectedBeforeBitbucket(response, "input", "privateKey");
    }

    @Test
    void theKeyPairIsDeleted() {
        stubNoContent(delete(urlEqualTo(KEY_PAIR)));

        GraphQlTester.Response response = graphQl.document("""
                        mutation { deleteSshKeyPair(input: {workspace: "acme", repository: "api"}) {
                          deleted userErrors { field message } } }""")
                .execute();

        response.errors().verify();
        response.path("deleteSshKeyPair.deleted").entity(Boolean.class).isEqualTo(true);
        bitbucket.verify(1, deleteRequestedFor(urlEqualTo(KEY_PAIR)).withRequestBody(absent()));
    }

    @Test
    void theKeyPairReadsAsItsPublicKeyOrAsNullWhenThereIsNone() {
        given("repository-api.json");
        stub(get(urlEqualTo(KEY_PAIR)), 200, "ssh-key-pair.json");
        String query = """
                { repository(workspace: "acme", slug: "api") { sshKeyPair { publicKey } } }""";

        graphQl.document(query).execute()
                .path("repository.sshKeyPair.publicKey").entity(String.class).isEqualTo(PUBLIC_KEY);

        stub(get(urlEqualTo(KEY_PAIR)), 404, "error-404.json");
        GraphQlTester.Response none = graphQl.document(query).execute();
        none.errors().verify();
        none.path("repository.sshKeyPair").valueIsNull();
    }
}
