package io.pipelinesgateway.bitbucket;

import io.pipelinesgateway.support.GatewayTest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway that retries failed reads (quickly, for the tests) and waits out short {@code Retry-After}s, as in
 * production; the circuit breaker stays out of the way here and has a test of its own.
 */
abstract class ResilientGatewayTest extends GatewayTest {

    @DynamicPropertySource
    static void retryLikeInProduction(DynamicPropertyRegistry registry) {
        registry.add("gateway.bitbucket.retries", () -> "2");
        registry.add("gateway.bitbucket.retry-backoff", () -> "10ms");
        registry.add("gateway.bitbucket.max-retry-after", () -> "2s");
        registry.add("gateway.bitbucket.timeout", () -> "1s");
    }
}
