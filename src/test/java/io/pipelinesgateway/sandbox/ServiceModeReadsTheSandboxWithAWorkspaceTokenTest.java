package io.pipelinesgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.pipelinesgateway.support.TestSecrets;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in service mode on its own sandbox: a caller with an API key reads a workspace whose configured token
 * the gateway sends upstream as {@code Authorization: Bearer}, and the sandbox, not the gateway's own security,
 * judges that token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.data.redis.url=")
@ActiveProfiles("sandbox")
class ServiceModeReadsTheSandboxWithAWorkspaceTokenTest {

    @DynamicPropertySource
    static void serviceMode(DynamicPropertyRegistry registry) {
        registry.add("gateway.security.mode", () -> "service");
        registry.add("gateway.security.api-keys[0].name", () -> "portal");
        registry.add("gateway.security.api-keys[0].sha256", () -> TestSecrets.sha256(TestSecrets.PORTAL_API_KEY));
        registry.add("gateway.security.api-keys[0].grants[0]", () -> "acme:read");
        registry.add("gateway.workspaces[0].slug", () -> "acme");
        registry.add("gateway.workspaces[0].token", () -> TestSecrets.SANDBOX_WORKSPACE_TOKEN);
    }

    @LocalServerPort
    int port;

    @Test
    void aCallerWithAnApiKeyReadsTheWorkspaceThroughItsToken() {
        HttpGraphQlTester graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer()
                .responseTimeout(Duration.ofSeconds(30))
                .baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader("X-API-Key", TestSecrets.PORTAL_API_KEY).build());

        List<String> repositories = graphQl.document("""
                        { workspaces { nodes { slug repositories(first: 3) { nodes { slug } } } } }
                        """)
                .execute()
                .errors().verify()
                .path("workspaces.nodes[0].repositories.nodes[*].slug").entityList(String.class).get();

        assertThat(repositories).containsExactlyInAnyOrder("api", "web-app", "infra");
    }
}
