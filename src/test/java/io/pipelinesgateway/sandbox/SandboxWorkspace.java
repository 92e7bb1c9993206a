package io.pipelinesgateway.sandbox;

import java.time.Instant;

/**
 * A seeded workspace, with whether the sandbox user administers it (what {@code /user/workspaces} reports).
 */
record SandboxWorkspace(String uuid, String slug, String name, boolean isPrivate, Instant createdOn,
        boolean administrator) {

    boolean matches(String slugOrUuid) {
        return slug.equals(slugOrUuid) || Ids.sameUuid(uuid, slugOrUuid);
    }
}
