package io.pipelinesgateway.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: a configured workspace the operator gave no credential cannot be read even with a grant on it; the
 * message says which setting is missing, and {@code workspaces} leaves it out.
 */
class AWorkspaceWithoutACredentialIsForbiddenTest extends ServiceModeTest {

    @Test
    void readingItIsForbiddenWithoutCallingBitbucket() {
        withApiKey(OPS_KEY).document("{ workspace(slug: \"gamma\") { slug } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("FORBIDDEN");
                    assertThat(error.getMessage()).contains("gateway.workspaces[N].token");
                }));

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
