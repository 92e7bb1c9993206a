package io.pipelinesgateway.cache;

import io.pipelinesgateway.support.TestRedis;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link UnchangedLiveDataIsAskedLessOften} with the cache in Redis, as replicas share it. */
class UnchangedLiveDataIsAskedLessOftenInRedisTest extends UnchangedLiveDataIsAskedLessOften {

    private static final String PREFIX = TestRedis.uniquePrefix();

    @DynamicPropertySource
    static void cacheLiveDataBrieflyInRedis(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("gateway.cache.live", () -> "500ms");
        registry.add("gateway.cache.list", () -> "500ms");
        // Each test's fresh credential starts from nothing: no other test's shared entry, or what it saw.
        registry.add("gateway.cache.shared", () -> "false");
        registry.add("spring.data.redis.url", TestRedis::url);
        registry.add("gateway.redis.key-prefix", () -> PREFIX);
    }
}
