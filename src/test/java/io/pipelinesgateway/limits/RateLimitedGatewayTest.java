package io.pipelinesgateway.limits;

import java.util.UUID;

import io.pipelinesgateway.support.GatewayTest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway whose clients may send two operations at once and one a minute after that, so the third operation of a
 * test is refused and stays refused for the rest of it. The subclasses share its Spring context; each test is a
 * client of its own ({@link #newClient()}), so tests never spend each other's allowance.
 */
abstract class RateLimitedGatewayTest extends GatewayTest {

    /** An operation that makes no upstream call. */
    static final String TYPENAME = "{ __typename }";

    @DynamicPropertySource
    static void twoAtOnceAndOneAMinute(DynamicPropertyRegistry registry) {
        registry.add("gateway.rate-limit.requests-per-minute", () -> "1");
        registry.add("gateway.rate-limit.burst", () -> "2");
        // With Redis, an answer slower than this is counted in process instead; on a busy machine the first one
        // (which opens the connection) can be, and a count split between the two would let a third operation by.
        registry.add("gateway.redis.store-timeout", () -> "10s");
    }

    /** A credential no other test sends. */
    static String newClient() {
        return "Bearer client-" + UUID.randomUUID();
    }
}
