package io.pipelinesgateway.cache;

/**
 * Whether a repository's changes reach the gateway as verified webhook deliveries, which evict what they make stale:
 * where they do, the repository's pipelines listing may be cached longer ({@code gateway.cache.list-with-webhooks}).
 * Declared here, below the Bitbucket client that asks it, and answered by the webhook receiver, which depends on
 * both.
 */
public interface WebhookCoverage {

    /** True when a verified delivery for {@code workspace}/{@code repository} came recently; answered at once. */
    boolean covers(String workspace, String repository);
}
