package io.pipelinesgateway.security;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.TestSecrets;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in service mode against the fake Bitbucket: three API keys (configured by their SHA-256, as an operator
 * does), JWTs of the {@link TestIssuer}, and workspaces {@code acme} (an access token), {@code beta} (a username and
 * API token) and {@code gamma} (no credential). Subclasses share one Spring context.
 */
abstract class ServiceModeTest extends GatewayTest {

    /** Reads {@code acme}. */
    static final String PORTAL_KEY = TestSecrets.PORTAL_API_KEY;
    /** Changes {@code acme}, reads {@code beta}. */
    static final String RELEASE_KEY = TestSecrets.RELEASE_API_KEY;
    /** Reads every workspace. */
    static final String OPS_KEY = TestSecrets.OPS_API_KEY;

    static final String ACME_TOKEN = TestSecrets.ACME_WORKSPACE_TOKEN;
    static final String BETA_USER = "robot@beta.example";
    static final String BETA_API_TOKEN = TestSecrets.BETA_WORKSPACE_API_TOKEN;

    @DynamicPropertySource
    static void runInServiceMode(DynamicPropertyRegistry registry) {
        registry.add("gateway.security.mode", () -> "service");
        key(registry, 0, "portal", PORTAL_KEY, "acme:read");
        key(registry, 1, "release-bot", RELEASE_KEY, "acme:write", "beta:read");
        key(registry, 2, "ops", OPS_KEY, "*:read");
        registry.add("gateway.workspaces[0].slug", () -> "acme");
        registry.add("gateway.workspaces[0].token", () -> ACME_TOKEN);
        registry.add("gateway.workspaces[1].slug", () -> "beta");
        registry.add("gateway.workspaces[1].username", () -> BETA_USER);
        registry.add("gateway.workspaces[1].api-token", () -> BETA_API_TOKEN);
        registry.add("gateway.workspaces[2].slug", () -> "gamma");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIssuer::jwkSetUri);
    }

    private static void key(DynamicPropertyRegistry registry, int index, String name, String key, String... grants) {
        String prefix = "gateway.security.api-keys[" + index + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "sha256", () -> sha256(key));
        for (int grant = 0; grant < grants.length; grant++) {
            String value = grants[grant];
            registry.add(prefix + "grants[" + grant + "]", () -> value);
        }
    }

    /** What {@code printf %s "$KEY" | sha256sum} prints. */
    static String sha256(String key) {
        return TestSecrets.sha256(key);
    }

    /** A tester that sends {@code key} in {@code X-API-Key}. */
    HttpGraphQlTester withApiKey(String key) {
        return HttpGraphQlTester.create(http(null, "/graphql").mutate()
                .defaultHeader("X-API-Key", key).build());
    }

    /** A tester that sends {@code jwt} as {@code Authorization: Bearer}. */
    HttpGraphQlTester withJwt(String jwt) {
        return graphQl("Bearer " + jwt);
    }

    /** A raw client of {@code /graphql} that sends {@code header: value}, to see statuses and bodies. */
    WebTestClient rawWith(String header, String value) {
        return http(null, "/graphql").mutate().defaultHeader(header, value).build();
    }
}
