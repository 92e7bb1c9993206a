package io.pipelinesgateway.security;

import org.junit.jupiter.api.Test;

import static io.pipelinesgateway.security.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: a configured workspace the operator gave no credential cannot be read even with a grant on it; the
 * message says which setting is missing, and {@code workspaces} leaves it out.
 */
class AWorkspaceWithoutACredentialIsForbiddenTest extends ServiceModeTest {

    @Test
    void readingItIsForbiddenWithoutCallingBitbucket() {
        assertRefused(withApiKey(OPS_KEY).document("{ workspace(slug: \"gamma\") { slug } }").execute(),
                "FORBIDDEN", "gateway.workspaces[N].token");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void workspacesLeavesItOut() {
        given("workspace-acme.json");
        given("workspace-beta.json");

        withApiKey(OPS_KEY).document("{ workspaces { nodes { slug } } }").execute()
                .path("workspaces.nodes[*].slug").entityList(String.class).containsExactly("acme", "beta");
    }
}
