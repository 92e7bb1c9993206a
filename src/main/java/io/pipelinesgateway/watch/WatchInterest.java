package io.pipelinesgateway.watch;

import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.repository.RepositoryKey;

/**
 * What a subscription needs watched in a repository. Replicas declare their subscribers' interests (in Redis, when
 * shared) and the repository's one watcher serves them all: one repository's pipelines, one pipeline's steps, one
 * step's log. Only the encoded form, never a credential, leaves the process.
 */
public sealed interface WatchInterest {

    /** The repository watched. */
    RepositoryKey repository();

    /** A short text naming the interest within its repository. */
    String encode();

    /** The state changes of the repository's pipelines, new runs included. */
    record Pipelines(RepositoryKey repository) implements WatchInterest {

        @Override
        public String encode() {
            return "pipelines";
        }
    }

    /** The state changes of one pipeline's steps. */
    record Steps(RepositoryKey repository, String pipelineUuid) implements WatchInterest {

        public Steps {
            pipelineUuid = Uuids.braced(pipelineUuid, "pipeline");
        }

        @Override
        public String encode() {
            return "steps:" + pipelineUuid;
        }
    }

    /** One step's log as it grows (and so its pipeline's steps, to know when it completes). */
    record Log(RepositoryKey repository, String pipelineUuid, String stepUuid) implements WatchInterest {

        public Log {
            pipelineUuid = Uuids.braced(pipelineUuid, "pipeline");
            stepUuid = Uuids.braced(stepUuid, "step");
        }

        @Override
        public String encode() {
            return "log:" + pipelineUuid + ":" + stepUuid;
        }
    }

    /** Reads an interest another replica declared; null for one this version does not know. */
    static WatchInterest decode(RepositoryKey repository, String encoded) {
        String[] parts = encoded.split(":");
        try {
            return switch (parts[0]) {
                case "pipelines" -> new Pipelines(repository);
                case "steps" -> parts.length == 2 ? new Steps(repository, parts[1]) : null;
                case "log" -> parts.length == 3 ? new Log(repository, parts[1], parts[2]) : null;
                default -> null;
            };
        }
        catch (RuntimeException malformed) {
            return null;
        }
    }
}
