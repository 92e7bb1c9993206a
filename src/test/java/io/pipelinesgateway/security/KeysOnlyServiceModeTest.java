package io.pipelinesgateway.security;

import io.pipelinesgateway.support.GatewayTest;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in service mode with API keys and no JWT issuer, against the fake Bitbucket: {@code portal} and
 * {@code ops} read workspace {@code acme} (an access token). Each client may make
 * {@value #UPSTREAM_CALLS_PER_MINUTE} upstream calls a minute. Subclasses share one Spring context.
 */
abstract class KeysOnlyServiceModeTest extends GatewayTest {

    static final String PORTAL_KEY = ServiceModeTest.PORTAL_KEY;
    static final String OPS_KEY = ServiceModeTest.OPS_KEY;
    static final int UPSTREAM_CALLS_PER_MINUTE = 3;

    @DynamicPropertySource
    static void runInServiceModeWithKeysOnly(DynamicPropertyRegistry registry) {
        registry.add("gateway.security.mode", () -> "service");
        registry.add("gateway.security.api-keys[0].name", () -> "portal");
        registry.add("gateway.security.api-keys[0].sha256", () -> ServiceModeTest.sha256(PORTAL_KEY));
        registry.add("gateway.security.api-keys[0].grants[0]", () -> "acme:read");
        registry.add("gateway.security.api-keys[1].name", () -> "ops");
        registry.add("gateway.security.api-keys[1].sha256", () -> ServiceModeTest.sha256(OPS_KEY));
        registry.add("gateway.security.api-keys[1].grants[0]", () -> "*:read");
        registry.add("gateway.workspaces[0].slug", () -> "acme");
        registry.add("gateway.workspaces[0].token", () -> ServiceModeTest.ACME_TOKEN);
        registry.add("gateway.rate-limit.upstream-calls-per-minute", () -> UPSTREAM_CALLS_PER_MINUTE);
    }

    /** A tester that sends {@code key} in {@code X-API-Key}. */
    HttpGraphQlTester withApiKey(String key) {
        return HttpGraphQlTester.create(http(null, "/graphql").mutate().defaultHeader("X-API-Key", key).build());
    }
}
