package io.pipelinesgateway.workspace;

import java.time.OffsetDateTime;

import io.pipelinesgateway.bitbucket.BitbucketWorkspace;

/** A workspace as the schema shows it. */
public record Workspace(String uuid, String slug, String name, Boolean isPrivate, OffsetDateTime createdOn,
        String webUrl, String permission) {

    /**
     * A workspace read by its slug, which the answer may lack: the gateway's own slug is what locates it from then on.
     */
    static Workspace from(String slug, BitbucketWorkspace workspace, String permission, String bitbucketWebUrl) {
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
