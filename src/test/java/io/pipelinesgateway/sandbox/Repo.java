package io.pipelinesgateway.sandbox;

import java.time.Instant;

/**
 * A seeded repository, with the pipelines its {@code bitbucket-pipelines.yml} defines. Named {@code Repo} to keep
 * clear of Spring's {@code @Repository} stereotype.
 */
record Repo(String uuid, SandboxWorkspace workspace, String slug, String name, String description, String language,
        String mainBranch, Project project, Instant createdOn, Instant updatedOn, long size,
        PipelineDefinitions definitions) {

    /** The project a repository belongs to, embedded in its representation as Bitbucket does. */
    record Project(String uuid, String key, String name) {
    }

    String fullName() {
        return workspace.slug() + "/" + slug;
    }

    boolean matches(String slugOrUuid) {
        return slug.equals(slugOrUuid) || Ids.sameUuid(uuid, slugOrUuid);
    }
}
