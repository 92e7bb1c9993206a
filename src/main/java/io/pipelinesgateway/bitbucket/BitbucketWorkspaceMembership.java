package io.pipelinesgateway.bitbucket;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The caller's membership of a workspace, from /user/permissions/workspaces. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BitbucketWorkspaceMembership(String permission, BitbucketWorkspace workspace) {
}
