package io.pipelinesgateway.bitbucket;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Bitbucket's workspaces and repositories, as the gateway uses them: a workspace, the caller's memberships, a
 * repository and a workspace's repositories. Each method alone knows its path and its kind of resource.
 */
@Component
public class WorkspaceEndpoints {

    private final BitbucketClient client;
    private final Listings listings;

    WorkspaceEndpoints(BitbucketClient client, Listings listings) {
        this.client = client;
        this.listings = listings;
    }

    /** A workspace by its slug. */
    public Mono<BitbucketWorkspace> workspace(String slug) {
        return client.get(UpstreamRequest.of(UpstreamResource.WORKSPACE, "workspaces", slug),
                BitbucketWorkspace.class);
    }

    /**
     * The caller's workspaces, whether it administers each, by slug: {@code /user/workspaces}, as Bitbucket answers
     * {@code /user/permissions/workspaces} with 410 Gone since CHANGE-2770.
     */
    public Listing<BitbucketWorkspaceAccess> memberships() {
        return new Listing<>(listings, UpstreamRequest.of(UpstreamResource.WORKSPACE_MEMBERSHIPS, "user", "workspaces")
                .with("sort", "workspace.slug"), BitbucketWorkspaceAccess.class);
    }

    /** A repository by its workspace's slug and its own. */
    public Mono<BitbucketRepository> repository(String workspace, String slug, Read read) {
        return client.get(UpstreamRequest.of(UpstreamResource.REPOSITORY, "repositories", workspace, slug)
                .read(read), BitbucketRepository.class);
    }

    /**
     * A workspace's repositories by name; with {@code nameContains}, only those whose name contains it (Bitbucket's
     * own query language filters them, so that costs nothing).
     */
    public Listing<BitbucketRepository> repositories(String workspace, String nameContains) {
        return new Listing<>(listings, UpstreamRequest.of(UpstreamResource.REPOSITORIES, "repositories", workspace)
                .with("sort", "name")
                .with("q", nameContains == null || nameContains.isBlank() ? null
                        : "name ~ \"" + nameContains.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                BitbucketRepository.class);
    }

    /** Every repository of a workspace the caller may read, as listed now (past the cache). */
    public Mono<List<BitbucketRepository>> repositoriesNow(String workspace) {
        return listings.readAll(UpstreamRequest.of(UpstreamResource.REPOSITORIES, "repositories", workspace)
                .read(Read.LIVE), BitbucketRepository.class);
    }
}
