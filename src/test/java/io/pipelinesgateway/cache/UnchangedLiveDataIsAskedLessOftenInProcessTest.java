package io.pipelinesgateway.cache;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link UnchangedLiveDataIsAskedLessOften} with the cache in this process, as without Redis. */
class UnchangedLiveDataIsAskedLessOftenInProcessTest extends UnchangedLiveDataIsAskedLessOften {

    @DynamicPropertySource
    static void cacheLiveDataBrieflyInThisProcess(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("gateway.cache.live", () -> "500ms");
        registry.add("gateway.cache.list", () -> "500ms");
        // Each test's fresh credential starts from nothing: no other test's shared entry, or what it saw.
        registry.add("gateway.cache.shared", () -> "false");
    }
}
