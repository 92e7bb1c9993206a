package io.pipelinesgateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode with API keys only: a request whose credential is an {@code Authorization} header (a bearer token or
 * anything else) can never be checked, so it is answered {@code 401} with UNAUTHENTICATED saying to send an API key,
 * as every other bad credential is, not {@code 200}; Bitbucket is never called.
 */
class ABearerTokenWithoutATrustedIssuerIsRefusedWith401Test extends KeysOnlyServiceModeTest {

    @Test
    void aBearerTokenIsRefusedWith401() {
        given("workspace-acme.json");

        http("Bearer not-a-jwt", "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ workspace(slug: \\\"acme\\\") { slug } }\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].message").value(String.class, message ->
                        assertThat(message).contains("X-API-Key"));

        assertThat(upstreamRequests()).isEmpty();
    }
}
