package io.pipelinesgateway.security;

import org.junit.jupiter.api.Test;

import static io.pipelinesgateway.security.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: a caller reads only the workspaces it has a grant on. Another workspace is FORBIDDEN before the
 * cache or Bitbucket is asked, and {@code workspaces} lists only the configured ones it may read.
 */
class AKeyReadsOnlyTheWorkspacesItIsGrantedTest extends ServiceModeTest {

    @Test
    void aWorkspaceWithoutAGrantIsForbiddenWithoutCallingBitbucket() {
        given("workspace-beta.json");

        assertRefused(withApiKey(PORTAL_KEY).document("{ workspace(slug: \"beta\") { slug } }").execute(),
                "FORBIDDEN", "'portal'", "'beta:read'");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void workspacesListsOnlyTheGrantedOnes() {
        given("workspace-acme.json");
        given("workspace-beta.json");

        withApiKey(PORTAL_KEY).document("{ workspaces { nodes { slug } } }").execute()
                .path("workspaces.nodes[*].slug").entityList(String.class).containsExactly("acme");
        withApiKey(RELEASE_KEY).document("{ workspaces { nodes { slug } } }").execute()
                .path("workspaces.nodes[*].slug").entityList(String.class).containsExactly("acme", "beta");
    }
}
