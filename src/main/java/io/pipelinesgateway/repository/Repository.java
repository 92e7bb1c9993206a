package io.pipelinesgateway.repository;

import java.time.OffsetDateTime;

import io.pipelinesgateway.bitbucket.BitbucketRepository;

/** A repository as the schema shows it. */
public record Repository(String workspaceSlug, String slug, String uuid, String name, String description,
        Boolean isPrivate, String mainBranch, String language, OffsetDateTime updatedOn, String webUrl) {

    /**
     * A repository as a listing shows it: by its slug, else the one its full name holds, else its UUID (Bitbucket
     * takes either in a path).
     */
    static Repository from(String workspace, BitbucketRepository repository, String bitbucketWebUrl) {
        String slug = repository.slug() != null ? repository.slug()
                : repository.fullName() != null ? slugOf(repository.fullName()) : repository.uuid();
        return from(new RepositoryKey(workspace, slug), repository, bitbucketWebUrl);
    }

    /** A repository read by its key, which locates it from then on whatever the answer echoes. */
    static Repository from(RepositoryKey key, BitbucketRepository repository, String bitbucketWebUrl) {
        String workspace = key.workspace();
        String slug = key.slug();
        String webUrl = repository.links() != null && repository.links().html() != null
                ? repository.links().html().href()
                : bitbucketWebUrl + "/" + workspace + "/" + slug;
        return new Repository(workspace, slug, repository.uuid(), repository.name(), repository.description(),
                repository.isPrivate(), repository.mainbranch() == null ? null : repository.mainbranch().name(),
                repository.language(), repository.updatedOn(), webUrl);
    }

    private static String slugOf(String fullName) {
        return fullName.substring(fullName.indexOf('/') + 1);
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
