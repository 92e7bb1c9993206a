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
     * A repository read by {@code asked}, named by the slugs Bitbucket answered, its workspace's and its own (else
     * those its full name holds), whether it was asked for by them or by UUIDs: one repository has one name, one ID
     * and one set of cache keys for its pipelines. Only where the answer names neither is it named as asked.
     */
    static Repository from(RepositoryKey asked, BitbucketRepository repository, String bitbucketWebUrl) {
        String fullName = repository.fullName();
        int split = fullName == null ? -1 : fullName.indexOf('/');
        boolean named = split > 0 && split < fullName.length() - 1;
        String workspace = repository.workspace() != null && repository.workspace().slug() != null
                ? repository.workspace().slug() : named ? fullName.substring(0, split) : asked.workspace();
        String slug = repository.slug() != null ? repository.slug()
                : named ? fullName.substring(split + 1) : asked.slug();
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
