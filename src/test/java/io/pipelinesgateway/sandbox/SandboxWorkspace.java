package io.pipelinesgateway.sandbox;

import java.time.Instant;

/**
 * A seeded workspace, with the permission the sandbox user holds in it (what {@code /user/permissions/workspaces}
 * reports).
 */
record SandboxWorkspace(String uuid, String slug, String name, boolean isPrivate, Instant createdOn,
        String permission) {

    boolean matches(String slugOrUuid) {
        return slug.equals(slugOrUuid) || Ids.sameUuid(uuid, slugOrUuid);
    }
}
