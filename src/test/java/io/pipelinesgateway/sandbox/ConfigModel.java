package io.pipelinesgateway.sandbox;

import java.time.Instant;

/**
 * The Pipelines configuration the sandbox keeps beside its pipelines: deployment environments, schedules, SSH
 * settings and caches, each an immutable record replaced as a whole when changed.
 */
final class ConfigModel {

    private ConfigModel() {
    }

    /** A deployment environment of a repository; {@code type} is Test, Staging or Production. */
    record Environment(String uuid, String name, String slug, String type, int rank) {
        Environment renamed(String newName) {
            return new Environment(uuid, newName, ConfigModel.slug(newName), type, rank);
        }
    }

    /** A schedule that runs a branch's pipeline (or a custom one) on a cron pattern. */
    record Schedule(String uuid, boolean enabled, String branch, SandboxPipelineTarget.Selector selector,
            String cronPattern,
            Instant createdOn, Instant updatedOn) {
        Schedule changed(boolean newEnabled, String newCron, Instant when) {
            return new Schedule(uuid, newEnabled, branch, selector, newCron, createdOn, when);
        }
    }

    /** One run of a schedule: the pipeline it started, or the error that kept it from starting. */
    record Execution(String uuid, String pipelineUuid, String errorKey, String errorMessage) {
    }

    /** The repository's SSH key pair; the private key is kept but never returned. */
    record KeyPair(String privateKey, String publicKey) {
    }

    /** A known host of the repository's SSH configuration. */
    record KnownHost(String uuid, String hostname, String keyType, String key) {
    }

    /** A dependency cache saved by a step. */
    record Cache(String uuid, String pipelineUuid, String stepUuid, String name, String path, long fileSizeBytes,
            Instant createdOn) {
    }

    static String slug(String name) {
        return name.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
