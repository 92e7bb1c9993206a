package io.pipelinesgateway.security;

import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.pipelinesgateway.security.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: a JWT of the configured issuer grants what its {@code pipelines:<workspace>:<read|write>} scopes say;
 * other scopes grant nothing.
 */
class AJwtWithAReadScopeCanQueryButNotMutateTest extends ServiceModeTest {

    @Test
    void itReadsItsWorkspaceWithTheWorkspaceToken() {
        given("workspace-acme.json");

        withJwt(TestIssuer.token("svc-backstage", "openid pipelines:acme:read")).document(
                        "{ workspace(slug: \"acme\") { slug } }").execute()
                .path("workspace.slug").entity(String.class).isEqualTo("acme");

        bitbucket.verify(1, getOf("/workspaces/acme").withHeader("Authorization", equalTo("Bearer " + ACME_TOKEN)));
    }

    @Test
    void itCannotRunAMutation() {
        assertRefused(withJwt(TestIssuer.token("svc-backstage", "pipelines:acme:read")).document("""
                        mutation { setPipelinesEnabled(input: {workspace: "acme", repository: "api", enabled: true}) {
                          pipelinesConfiguration { enabled } } }""").execute(),
                "FORBIDDEN", "'svc-backstage'", "pipelines:");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void itCannotReadAWorkspaceOutsideItsScopes() {
        assertRefused(withJwt(TestIssuer.token("svc-backstage", "pipelines:acme:read")).document(
                        "{ workspace(slug: \"beta\") { slug } }").execute(), "FORBIDDEN");

        assertThat(upstreamRequests()).isEmpty();
    }
}
