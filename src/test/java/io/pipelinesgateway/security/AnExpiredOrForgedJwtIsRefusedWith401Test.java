package io.pipelinesgateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: a JWT that expired, that has no expiry ({@code exp}) at all, whose signature does not verify against
 * the issuer's keys, or that is no JWT at all, is answered {@code 401} with a GraphQL-shaped UNAUTHENTICATED error; Bitbucket is never called.
 */
class AnExpiredOrForgedJwtIsRefusedWith401Test extends ServiceModeTest {

    @ParameterizedTest
    @ValueSource(strings = {"expired", "forged", "garbage", "never expiring"})
    void theTokenIsRefusedWith401(String kind) {
        given("workspace-acme.json");
        String token = switch (kind) {
            case "expired" -> TestIssuer.expiredToken("svc-backstage", "pipelines:acme:read");
            case "forged" -> TestIssuer.forgedToken("svc-backstage", "pipelines:acme:read");
            case "never expiring" -> TestIssuer.tokenWithoutExpiry("svc-backstage", "pipelines:acme:read");
            default -> "not-a-jwt";
        };

        rawWith(HttpHeaders.AUTHORIZATION, "Bearer " + token).post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ workspace(slug: \\\"acme\\\") { slug } }\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].message").value(String.class, message ->
                        assertThat(message).contains("JWT"));

        assertThat(upstreamRequests()).isEmpty();
    }
}
