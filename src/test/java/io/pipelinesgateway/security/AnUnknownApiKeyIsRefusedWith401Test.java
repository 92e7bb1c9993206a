package io.pipelinesgateway.security;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: an {@code X-API-Key} that matches no configured key is answered {@code 401} at once, with a
 * GraphQL-shaped body whose code is UNAUTHENTICATED and which never repeats the key; Bitbucket is never called.
 */
class AnUnknownApiKeyIsRefusedWith401Test extends ServiceModeTest {

    @Test
    void anUnknownKeyGets401WithAGraphQlError() {
        given("workspace-acme.json");
        String wrongKey = PORTAL_KEY + "x";

        byte[] body = rawWith("X-API-Key", wrongKey).post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ workspace(slug: \\\"acme\\\") { slug } }\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].message").value(String.class, message ->
                        assertThat(message).contains("X-API-Key"))
                .returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain(wrongKey);
        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void theHashOfAKeyIsNotTheKey() {
        rawWith("X-API-Key", sha256(PORTAL_KEY)).post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ workspace(slug: \\\"acme\\\") { slug } }\"}")
                .exchange()
                .expectStatus().isUnauthorized();

        assertThat(upstreamRequests()).isEmpty();
    }
}
