package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One workspace the caller can access, from {@code GET /user/workspaces}: Bitbucket's list of the caller's
 * workspaces since it removed {@code /user/permissions/workspaces} (CHANGE-2770). It says whether the caller
 * administers the workspace where the old list named a role.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketWorkspaceAccess(Boolean administrator, BitbucketWorkspace workspace) {

    /** The caller's role in the workspace: owner where it administers it, else member; null where not said. */
    public String permission() {
        return administrator == null ? null : administrator ? "owner" : "member";
    }
}
