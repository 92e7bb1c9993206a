package io.pipelinesgateway.cache;

import java.util.UUID;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.TestRedis;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway with its response cache on, in a real Redis ({@link TestRedis}). The cache test classes share one
 * context and one key prefix; each test reads with a credential of its own, and entries are scoped to the
 * credential, so no test sees another's entries. The repository-scoped shared tier is off here, since it would
 * serve one test's completed data to another's reader of the same repository;
 * {@link SharedTierServesOnlyReadersWithProvenAccessTest} turns it on in a context of its own.
 */
abstract class CachingGatewayTest extends GatewayTest {

    private static final String PREFIX = TestRedis.uniquePrefix();

    @DynamicPropertySource
    static void turnTheCacheOnInRedis(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("gateway.redis.key-prefix", () -> PREFIX);
        registry.add("gateway.cache.shared", () -> "false");
    }

    /** A credential no other test uses. */
    static String freshCredential() {
        return "Bearer test-" + UUID.randomUUID();
    }
}
