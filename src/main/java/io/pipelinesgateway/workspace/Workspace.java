package io.pipelinesgateway.workspace;

import java.time.OffsetDateTime;

import io.pipelinesgateway.bitbucket.BitbucketWorkspace;

/**
 * A workspace as the schema shows it.
 *
 * @param read whether it was read from Bitbucket; a configured workspace is listed by its slug alone, and read only
 *             when a field that reading gives is asked for ({@link WorkspaceController})
 */
public record Workspace(String uuid, String slug, String name, Boolean isPrivate, OffsetDateTime createdOn,
        String webUrl, String permission, boolean read) {

    /** A workspace read from Bitbucket, or from one of its listings. */
    public Workspace(String uuid, String slug, String name, Boolean isPrivate, OffsetDateTime createdOn,
            String webUrl, String permission) {
        this(uuid, slug, name, isPrivate, createdOn, webUrl, permission, true);
    }

    /** A configured workspace, known by its slug until a field that reading it gives is asked for. */
    static Workspace configured(String slug) {
        return new Workspace(null, slug, null, null, null, null, null, false);
    }

    /**
     * A workspace read by {@code asked} (its slug, or its UUID in braces), named by the slug Bitbucket answered
     * whichever way it was asked for: one workspace has one slug, one ID and one set of cache keys for what it holds.
     * Only where the answer lacks the slug is it named as asked.
     */
    static Workspace from(String asked, BitbucketWorkspace workspace, String permission, String bitbucketWebUrl) {
        String slug = workspace.slug() != null ? workspace.slug() : asked;
        String webUrl = workspace.links() != null && workspace.links().html() != null
                ? workspace.links().html().href()
                : bitbucketWebUrl + "/" + slug + "/";
        return new Workspace(workspace.uuid(), slug, workspace.name(), workspace.isPrivate(),
                workspace.createdOn(), webUrl, permission);
    }

    /**
     * A workspace as a listing shows it: by its slug, or by its UUID when the answer lacks the slug (Bitbucket takes
     * either in a path); null when it has neither.
     */
    static String slugOf(BitbucketWorkspace workspace) {
        return workspace.slug() != null ? workspace.slug() : workspace.uuid();
    }

    public String id() {
        return WorkspaceNodeType.ID.encode(slug);
    }
}
