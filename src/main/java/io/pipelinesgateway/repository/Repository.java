package io.pipelinesgateway.repository;

import java.time.OffsetDateTime;

import io.pipelinesgateway.bitbucket.BitbucketRepository;

/** A repository as the schema shows it. */
public record Repository(String workspaceSlug, String slug, String uuid, String name, String description,
        Boolean isPrivate, String mainBranch, String language, OffsetDateTime updatedOn, String webUrl) {

    /**
     * A repository as a listing of {@code workspace} shows it, named as {@link #from(RepositoryKey,
     * BitbucketRepository, String)} names it, else by its UUID (Bitbucket takes either in a path).
     */
    static Repository from(String workspace, BitbucketRepository repository, String bitbucketWebUrl) {
        return from(new RepositoryKey(workspace, repository.uuid()), repository, bitbucketWebUrl);
    }

    /**
     * A repository read by {@code asked}, named by the slugs Bitbucket answered ({@link RepositoryKey#named}), whether
     * it was asked for by them or by UUIDs: one repository has one name, one ID and one set of cache keys for its
     * pipelines.
     */
    static Repository from(RepositoryKey asked, BitbucketRepository repository, String bitbucketWebUrl) {
        RepositoryKey named = RepositoryKey.named(asked, repository);
        String workspace = named.workspace();
        String slug = named.slug();
        String webUrl = repository.links() != null && repository.links().html() != null
                ? repository.links().html().href()
                : bitbucketWebUrl + "/" + workspace + "/" + slug;
        return new Repository(workspace, slug, repository.uuid(), repository.name(), repository.description(),
                repository.isPrivate(), repository.mainbranch() == null ? null : repository.mainbranch().name(),
                repository.language(), repository.updatedOn(), webUrl);
    }

    public String id() {
        return RepositoryNodeType.ID.encode(new RepositoryKey(workspaceSlug, slug));
    }

    public String fullName() {
        return workspaceSlug + "/" + slug;
    }

    public RepositoryKey key() {
        return new RepositoryKey(workspaceSlug, slug);
    }
}
