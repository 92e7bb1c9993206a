package io.pipelinesgateway.repository;

import java.time.OffsetDateTime;

import io.pipelinesgateway.bitbucket.BitbucketRepository;
import io.pipelinesgateway.graphql.GlobalId;

/** A repository as the schema shows it. */
public record Repository(String workspaceSlug, String slug, String uuid, String name, String description,
        Boolean isPrivate, String mainBranch, String language, OffsetDateTime updatedOn, String webUrl) {

    static Repository from(String workspace, BitbucketRepository repository, String bitbucketWebUrl) {
        String slug = repository.slug() != null ? repository.slug() : slugOf(repository.fullName());
        String webUrl = repository.links() != null && repository.links().html() != null
                ? repository.links().html().href()
                : bitbucketWebUrl + "/" + workspace + "/" + slug;
        return new Repository(workspace, slug, repository.uuid(), repository.name(), repository.description(),
                repository.isPrivate(), repository.mainbranch() == null ? null : repository.mainbranch().name(),
                repository.language(), repository.updatedOn(), webUrl);
    }

    private static String slugOf(String fullName) {
        return fullName == null ? null : fullName.substring(fullName.indexOf('/') + 1);
    }

    public String id() {
        return GlobalId.encode("Repository", workspaceSlug, slug);
    }

    public String fullName() {
        return workspaceSlug + "/" + slug;
    }

    public RepositoryKey key() {
        return new RepositoryKey(workspaceSlug, slug);
    }
}
