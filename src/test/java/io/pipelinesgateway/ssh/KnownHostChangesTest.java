package io.pipelinesgateway.ssh;

import java.util.Map;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/** A known host is listed, added, replaced and removed with the exact requests of Bitbucket's reference. */
class KnownHostChangesTest extends MutationTestSupport {

    private static final String KNOWN_HOSTS = API_ROOT + "/repositories/acme/api/pipelines_config/ssh/known_hosts/";
    private static final String KNOWN_HOST = KNOWN_HOSTS + "%7Bad0e1f2a-3b4c-4d5e-8f60-91a2b3c4d5e6%7D";
    private static final String ID = GlobalId.encode("KnownHost", "acme", "api",
            "{ad0e1f2a-3b4c-4d5e-8f60-91a2b3c4d5e6}");

    @Test
    void aRepositorysKnownHostsAreListedWithTheirKeys() {
        given("repository-api.json");
        stub(get(urlPathEqualTo(KNOWN_HOSTS)), 200, "known-hosts.json");

        GraphQlTester.Response response = graphQl.document("""
                        { repository(workspace: "acme", slug: "api") {
                            knownHosts { nodes { id hostname publicKey { keyType key sha256Fingerprint } } } } }""")
                .execute();

        response.errors().verify();
        response.path("repository.knownHosts.nodes[0].id").entity(String.class).isEqualTo(ID);
        response.path("repository.knownHosts.nodes[0].hostname").entity(String.class)
                .isEqualTo("[git.acme.example]:7999");
        response.path("repository.knownHosts.nodes[0].publicKey.keyType").entity(String.class)
                .isEqualTo("ssh-ed25519");
    }

    @Test
    void aKnownHostIsAdded() {
        stub(post(urlEqualTo(KNOWN_HOSTS)), 201, "known-host-created.json");

        GraphQlTester.Response response = create();

        response.errors().verify();
        response.path("createKnownHost.knownHost.id").entity(String.class).isEqualTo(ID);
        bitbucket.verify(1, postRequestedFor(urlEqualTo(KNOWN_HOSTS)).withRequestBody(equalToJson("""
                {"type": "pipeline_known_host", "hostname": "[git.acme.example]:7999",
                 "public_key": {"type": "pipeline_ssh_public_key", "key_type": "ssh-ed25519",
                                "key": "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"}}""")));
    }

    @Test
    void aHostThatIsKnownAlreadyIsAUserErrorOnTheHostname() {
        stub(post(urlEqualTo(KNOWN_HOSTS)), 409, "known-host-conflict.json");

        GraphQlTester.Response response = create();

        assertUserError(response, "createKnownHost", "input", "hostname");
        response.path("createKnownHost.knownHost").valueIsNull();
    }

    @Test
    void aKnownHostIsReplaced() {
        stub(put(urlEqualTo(KNOWN_HOST)), 200, "known-host-updated.json");

        GraphQlTester.Response response = graphQl.document("""
                        mutation Update($id: ID!) {
                          updateKnownHost(input: {id: $id, hostname: "git.acme.example",
                                                  publicKey: {keyType: "ssh-rsa", key: "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7"}}) {
                            knownHost { id hostname } userErrors { field message }
                          }
                        }""")
                .variable("id", ID)
                .execute();

        response.errors().verify();
        response.path("updateKnownHost.knownHost.hostname").entity(String.class).isEqualTo("git.acme.example");
        bitbucket.verify(1, putRequestedFor(urlEqualTo(KNOWN_HOST)).withRequestBody(equalToJson("""
                {"type": "pipeline_known_host", "uuid": "{ad0e1f2a-3b4c-4d5e-8f60-91a2b3c4d5e6}",
                 "hostname": "git.acme.example",
                 "public_key": {"type": "pipeline_ssh_public_key", "key_type": "ssh-rsa",
                                "key": "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7"}}""")));
    }

    @Test
    void aKnownHostIsRemoved() {
        stubNoContent(delete(urlEqualTo(KNOWN_HOST)));

        GraphQlTester.Response response = graphQl.document("""
                        mutation Delete($id: ID!) { deleteKnownHost(input: {id: $id}) { deleted deletedId } }""")
                .variable("id", ID)
                .execute();

        response.errors().verify();
        response.path("deleteKnownHost.deletedId").entity(String.class).isEqualTo(ID);
        bitbucket.verify(1, deleteRequestedFor(urlEqualTo(KNOWN_HOST)).withRequestBody(absent()));
    }

    @Test
    void aKnownHostIsFoundAgainByItsId() {
        stub(get(urlEqualTo(KNOWN_HOST)), 200, "known-host-created.json");

        GraphQlTester.Response response = graphQl.document("""
                        query Node($id: ID!) { node(id: $id) { id ... on KnownHost { hostname } } }""")
                .variable("id", ID)
                .execute();

        response.errors().verify();
        response.path("node.hostname").entity(String.class).isEqualTo("[git.acme.example]:7999");
    }

    private GraphQlTester.Response create() {
        return graphQl.document("""
                        mutation Create($input: CreateKnownHostInput!) {
                          createKnownHost(input: $input) { knownHost { id hostname } userErrors { field message } }
                        }""")
                .variable("input", Map.of("workspace", "acme", "repository", "api",
                        "hostname", "[git.acme.example]:7999", "publicKey", Map.of("keyType", "ssh-ed25519",
                                "key", "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl")))
                .execute();
    }
}
