package io.pipelinesgateway.workspace;

import java.time.OffsetDateTime;

import io.pipelinesgateway.bitbucket.BitbucketWorkspace;
import io.pipelinesgateway.graphql.GlobalId;

/** A workspace as the schema shows it. */
public record Workspace(String uuid, String slug, String name, Boolean isPrivate, OffsetDateTime createdOn,
        String webUrl, String permission) {

    static Workspace from(BitbucketWorkspace workspace, String permission, String bitbucketWebUrl) {
        String webUrl = workspace.links() != null && workspace.links().html() != null
                ? workspace.links().html().href()
                : bitbucketWebUrl + "/" + workspace.slug() + "/";
        return new Workspace(workspace.uuid(), workspace.slug(), workspace.name(), workspace.isPrivate(),
                workspace.createdOn(), webUrl, permission);
    }

    public String id() {
        return GlobalId.encode("Workspace", slug);
    }
}
