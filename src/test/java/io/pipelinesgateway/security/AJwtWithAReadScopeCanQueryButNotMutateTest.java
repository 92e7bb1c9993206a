package io.pipelinesgateway.security;

import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
        withJwt(TestIssuer.token("svc-backstage", "pipelines:acme:read")).document("""
                        mutation { setPipelinesEnabled(input: {workspace: "acme", repository: "api", enabled: true}) {
                          pipelinesConfiguration { enabled } } }""").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("FORBIDDEN");
                    assertThat(error.getMessage()).contains("'svc-backstage'").contains("pipelines:");
                }));

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void itCannotReadAWorkspaceOutsideItsScopes() {
        withJwt(TestIssuer.token("svc-backstage", "pipelines:acme:read")).document(
                        "{ workspace(slug: \"beta\") { slug } }").execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(ServiceModeTest::code)
                        .containsExactly("FORBIDDEN"));

        assertThat(upstreamRequests()).isEmpty();
    }
}
