package io.pipelinesgateway.ssh;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pipelinesgateway.support.SandboxFlowSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through GraphQL against the sandbox: a known host is added, replaced and removed, and the next query shows each
 * change.
 */
class KnownHostLifecycleOnTheSandboxTest extends SandboxFlowSupport {

    private static final String KNOWN_HOSTS = """
            { repository(workspace: "acme", slug: "web-app") {
                knownHosts { nodes { id hostname publicKey { keyType key } } } } }""";

    @Test
    void aKnownHostIsAddedReplacedAndRemovedAndEachChangeShowsInTheNextQuery() {
        List<Map<String, Object>> before = knownHosts();

        String id = ok("""
                        mutation Create($input: CreateKnownHostInput!) {
                          createKnownHost(input: $input) { knownHost { id } userErrors { field message } }
                        }""", "input", Map.of("workspace", "acme", "repository", "web-app",
                        "hostname", "git.flows.example", "publicKey", Map.of("keyType", "ssh-ed25519",
                                "key", "AAAAC3NzaC1lZDI1NTE5AAAAIFlowsFlowsFlowsFlowsFlowsFlowsFlowsFlowsA")))
                .path("createKnownHost.knownHost.id").entity(String.class).get();
        assertThat(before).noneMatch(host -> id.equals(host.get("id")));
        assertThat(find(id)).hasValueSatisfying(host -> assertThat(host)
                .containsEntry("hostname", "git.flows.example"));

        ok("""
                mutation Update($id: ID!) {
                  updateKnownHost(input: {id: $id, hostname: "[git.flows.example]:7999",
                                          publicKey: {keyType: "ssh-rsa", key: "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7"}}) {
                    knownHost { id } userErrors { field message }
                  }
                }""", "id", id);
        assertThat(find(id)).hasValueSatisfying(host -> {
            assertThat(host).containsEntry("hostname", "[git.flows.example]:7999");
            assertThat(host.get("publicKey")).isEqualTo(Map.of("keyType", "ssh-rsa",
                    "key", "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7"));
        });

        ok("""
                mutation Delete($id: ID!) { deleteKnownHost(input: {id: $id}) { deleted userErrors { message } } }""",
                "id", id);
        assertThat(find(id)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> knownHosts() {
        return (List<Map<String, Object>>) (List<?>) ok(KNOWN_HOSTS).path("repository.knownHosts.nodes")
                .entityList(Map.class).get();
    }

    private Optional<Map<String, Object>> find(String id) {
        return knownHosts().stream().filter(host -> id.equals(host.get("id"))).findFirst();
    }
}
