package io.pipelinesgateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: Bitbucket receives the configured credential of the workspace a call concerns (an access token as
 * Bearer, a username and API token as Basic), and never anything the caller sent.
 */
class UpstreamReceivesTheWorkspaceCredentialTest extends ServiceModeTest {

    @Test
    void aWorkspaceWithATokenIsReadWithItAsBearer() {
        given("workspace-acme.json");

        withApiKey(PORTAL_KEY).document("{ workspace(slug: \"acme\") { slug } }").execute()
                .path("workspace.slug").entity(String.class).isEqualTo("acme");

        bitbucket.verify(1, getOf("/workspaces/acme").withHeader("Authorization", equalTo("Bearer " + ACME_TOKEN)));
        assertThat(upstreamRequests()).hasSize(1).allSatisfy(request -> {
            assertThat(request.containsHeader("X-API-Key")).isFalse();
            assertThat(request.getHeaders().all().toString()).doesNotContain(PORTAL_KEY);
        });
    }

    @Test
    void aWorkspaceWithAUsernameAndApiTokenIsReadWithThemAsBasic() {
        given("workspace-beta.json");

        withApiKey(RELEASE_KEY).document("{ workspace(slug: \"beta\") { slug } }").execute()
                .path("workspace.slug").entity(String.class).isEqualTo("beta");

        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((BETA_USER + ":" + BETA_API_TOKEN).getBytes(StandardCharsets.UTF_8));
        bitbucket.verify(1, getOf("/workspaces/beta").withHeader("Authorization", equalTo(basic)));
    }
}
