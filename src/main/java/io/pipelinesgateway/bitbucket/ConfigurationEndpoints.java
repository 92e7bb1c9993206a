package io.pipelinesgateway.bitbucket;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * A repository's (or workspace's) Pipelines configuration, as the gateway uses it: whether Pipelines runs, the next
 * build number, dependency caches, deployment environments, and the workspace's OIDC provider. Each method alone
 * knows its path and its kind of resource.
 */
@Component
public class ConfigurationEndpoints {

    private final BitbucketClient client;
    private final Listings listings;

    ConfigurationEndpoints(BitbucketClient client, Listings listings) {
        this.client = client;
        this.listings = listings;
    }

    /**
     * Whether Pipelines runs in a repository; empty where Pipelines was never set up, which Bitbucket answers with a
     * 404 until the configuration is first saved.
     */
    public Mono<BitbucketPipelinesConfig> pipelinesConfig(String workspace, String repository) {
        return client.get(pipelinesConfigRequest(workspace, repository), BitbucketPipelinesConfig.class);
    }

    /** Turns Pipelines on or off in a repository; Bitbucket answers with the configuration saved. */
    public Mono<BitbucketPipelinesConfig> setPipelinesConfig(String workspace, String repository,
            BitbucketPipelinesConfig config) {
        return client.send(HttpMethod.PUT, pipelinesConfigRequest(workspace, repository), config,
                BitbucketPipelinesConfig.class);
    }

    /** Sets the number the next pipeline gets (higher than the latest build's, or Bitbucket refuses it). */
    public Mono<BitbucketBuildNumber> setNextBuildNumber(String workspace, String repository,
            BitbucketBuildNumber next) {
        return client.send(HttpMethod.PUT, UpstreamRequest.of(UpstreamResource.BUILD_NUMBER, "repositories",
                workspace, repository, "pipelines_config", "build_number"), next, BitbucketBuildNumber.class);
    }

    /** A repository's dependency caches. */
    public Listing<BitbucketCache> caches(String workspace, String repository) {
        return new Listing<>(listings, caches(UpstreamResource.CACHES, workspace, repository, ""),
                BitbucketCache.class);
    }

    /** Where a dependency cache's content can be downloaded. */
    public Mono<BitbucketCacheContentUri> cacheContentUri(String workspace, String repository, String cacheUuid) {
        return client.get(caches(UpstreamResource.CACHE_CONTENT_URI, workspace, repository, cacheUuid, "content-uri"),
                BitbucketCacheContentUri.class);
    }

    /** Deletes one version of a dependency cache, by its UUID. */
    public Mono<Void> deleteCache(String workspace, String repository, String cacheUuid) {
        return client.send(HttpMethod.DELETE, caches(UpstreamResource.CACHE, workspace, repository, cacheUuid), null,
                Void.class);
    }

    /** Deletes every version of a dependency cache, by its name. */
    public Mono<Void> deleteCachesNamed(String workspace, String repository, String name) {
        // Published without the trailing slash of the listing: DELETE .../pipelines-config/caches?name=...
        return client.send(HttpMethod.DELETE, caches(UpstreamResource.CACHES, workspace, repository)
                .with("name", name), null, Void.class);
    }

    /** A repository's deployment environments. */
    public Listing<BitbucketEnvironment> environments(String workspace, String repository) {
        return new Listing<>(listings, UpstreamRequest.of(UpstreamResource.ENVIRONMENTS, "repositories", workspace,
                repository, "environments", ""), BitbucketEnvironment.class);
    }

    /** One deployment environment, by its UUID. */
    public Mono<BitbucketEnvironment> environment(String workspace, String repository, String environmentUuid) {
        return client.get(UpstreamRequest.of(UpstreamResource.ENVIRONMENT, "repositories", workspace, repository,
                "environments", environmentUuid), BitbucketEnvironment.class);
    }

    /** A workspace's OIDC provider configuration. */
    public Mono<BitbucketOidcConfiguration> oidcConfiguration(String workspace) {
        return client.get(oidc(UpstreamResource.OIDC_CONFIGURATION, workspace, ".well-known",
                "openid-configuration"), BitbucketOidcConfiguration.class);
    }

    /** The public keys of a workspace's OIDC provider. */
    public Mono<BitbucketJwks> oidcKeys(String workspace) {
        return client.get(oidc(UpstreamResource.OIDC_KEYS, workspace, "keys.json"), BitbucketJwks.class);
    }

    private static UpstreamRequest pipelinesConfigRequest(String workspace, String repository) {
        return UpstreamRequest.of(UpstreamResource.PIPELINES_CONFIG, "repositories", workspace, repository,
                "pipelines_config");
    }

    private static UpstreamRequest caches(UpstreamResource resource, String workspace, String repository,
            String... rest) {
        return UpstreamRequest.of(resource, List.of("repositories", workspace, repository, "pipelines-config",
                "caches"), rest);
    }

    private static UpstreamRequest oidc(UpstreamResource resource, String workspace, String... rest) {
        return UpstreamRequest.of(resource, List.of("workspaces", workspace, "pipelines-config", "identity", "oidc"),
                rest);
    }
}
