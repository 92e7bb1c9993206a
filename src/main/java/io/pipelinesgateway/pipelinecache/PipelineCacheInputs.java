package io.pipelinesgateway.pipelinecache;

import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.graphql.Inputs;
import io.pipelinesgateway.repository.RepositoryKey;

/** The inputs of the cache mutations, checked before any call. */
final class PipelineCacheInputs {

    private PipelineCacheInputs() {
    }

    /** Input of {@code deleteCache}: one cache version, by its UUID. */
    record DeleteOne(String workspace, String repository, String uuid) {

        RepositoryKey repositoryKey() {
            return RepositoryKey.fromInput(workspace, repository);
        }

        String cacheUuid() {
            return Uuids.braced(uuid, "input.uuid");
        }
    }

    /** Input of {@code deleteCachesByName}: every version of a cache. */
    record DeleteByName(String workspace, String repository, String name) {

        RepositoryKey repositoryKey() {
            return RepositoryKey.fromInput(workspace, repository);
        }

        String cacheName() {
            return Inputs.nonBlank(name, "input.name");
        }
    }
}
