package io.pipelinesgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelinesgateway.support.TestSecrets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

/**
 * A gateway in service mode on its own sandbox, as the Backstage plugin's end-to-end test and a demo of a portal run
 * it: the gateway sends the workspace's token to the sandbox in {@code Authorization}, which the sandbox must take as
 * Bitbucket would, not as a caller's unverifiable credential to refuse with 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.redis.url=",
        "gateway.security.mode=service"})
@ActiveProfiles("sandbox")
@AutoConfigureWebTestClient(timeout = "30s")
class AServiceModeGatewayReadsItsSandboxTest {

    @Autowired
    WebTestClient client;

    /**
     * The workspace and the key, here rather than in {@code properties}: a context that fails to start prints those in
     * its description, and the entries of one list must all come from one place to bind.
     */
    @DynamicPropertySource
    static void workspaceAndKey(DynamicPropertyRegistry registry) {
        registry.add("gateway.workspaces[0].slug", () -> "acme");
        registry.add("gateway.workspaces[0].token", () -> TestSecrets.SANDBOX_WORKSPACE_TOKEN);
        registry.add("gateway.security.api-keys[0].name", () -> "portal");
        registry.add("gateway.security.api-keys[0].grants[0]", () -> "acme:read");
        registry.add("gateway.security.api-keys[0].sha256", () -> ServiceModeTest.sha256(TestSecrets.PORTAL_API_KEY));
    }

    @Test
    void aCallerWithAnApiKeyReadsTheSandboxsRepositoryThroughTheWorkspaceToken() {
        JsonNode answer = client.post().uri("/graphql")
                .header("X-API-Key", TestSecrets.PORTAL_API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ repository(workspace: \\\"acme\\\", slug: \\\"api\\\") { fullName } }\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.path("errors").isMissingNode()).as("errors: %s", answer.path("errors")).isTrue();
        assertThat(answer.path("data").path("repository").path("fullName").asString()).isEqualTo("acme/api");
    }
}
