package io.pipelinesgateway.repository;

import io.pipelinesgateway.bitbucket.BitbucketRepository;
import io.pipelinesgateway.bitbucket.PathSegments;
import io.pipelinesgateway.graphql.Inputs;

/** Locates a repository: its workspace's slug and its own. */
public record RepositoryKey(String workspace, String slug) {

    /** The repository a mutation's input names in its {@code workspace} and {@code repository} fields, checked. */
    public static RepositoryKey fromInput(String workspace, String repository) {
        return checked(workspace, "input.workspace", repository, "input.repository");
    }

    /**
     * The repository read by {@code asked} (its slugs, or their UUIDs in braces), named by the slugs Bitbucket's
     * {@code answer} gives, its workspace's and its own (else those its full name holds), whichever way it was asked
     * for: one repository has one key, so one ID and one set of cache keys. Only what the answer (if any) names
     * neither way is named as asked.
     */
    public static RepositoryKey named(RepositoryKey asked, BitbucketRepository answer) {
        if (answer == null) {
            return asked;
        }
        String fullName = answer.fullName();
        int split = fullName == null ? -1 : fullName.indexOf('/');
        boolean named = split > 0 && split < fullName.length() - 1;
        String workspace = answer.workspace() != null && answer.workspace().slug() != null
                ? answer.workspace().slug() : named ? fullName.substring(0, split) : asked.workspace();
        String slug = answer.slug() != null ? answer.slug() : named ? fullName.substring(split + 1) : asked.slug();
        return new RepositoryKey(workspace, slug);
    }

    /**
     * The repository a caller names, each slug checked against Bitbucket's rules ({@link PathSegments}) and named by
     * its field when it breaks them, before any upstream call.
     */
    public static RepositoryKey checked(String workspace, String workspaceField, String slug, String slugField) {
        return new RepositoryKey(PathSegments.workspace(Inputs.nonBlank(workspace, workspaceField), workspaceField),
                PathSegments.repository(Inputs.nonBlank(slug, slugField), slugField));
    }
}
