package io.pipelinesgateway.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import io.pipelinesgateway.cache.KeyedHash;
import io.pipelinesgateway.cache.ResponseCacheProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps workspace slugs out of the metrics: every meter's {@code workspace} tag carries a keyed hash of the slug
 * instead ({@link KeyedHash} of {@code workspace:<slug>} with {@code gateway.cache.key-secret}). Prometheus scrapes
 * {@code /actuator/prometheus} with no caller, and which workspaces a company's callers use is not for whoever
 * reaches it. Replicas that share the key secret (as they must to share the cache) give a workspace the same value,
 * so its series still add up across them; whoever holds the secret can tell which workspace a value stands for
 * (docs/operations.md, "Health and metrics").
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceTags {

    @Bean
    MeterFilter hashedWorkspaceTags(ResponseCacheProperties cache) {
        KeyedHash hash = new KeyedHash(cache.keySecret());
        return MeterFilter.replaceTagValues("workspace", slug -> hash.of("workspace:" + slug));
    }
}
