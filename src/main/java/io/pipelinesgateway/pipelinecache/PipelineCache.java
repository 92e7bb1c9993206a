package io.pipelinesgateway.pipelinecache;

import java.time.OffsetDateTime;

import io.pipelinesgateway.bitbucket.BitbucketCache;
import io.pipelinesgateway.repository.RepositoryKey;

/** A dependency cache as the schema shows it, located by its repository so its content URI can be read. */
record PipelineCache(RepositoryKey repository, String uuid, String name, String path, String keyHash,
        String pipelineUuid, String stepUuid, Long fileSizeBytes, OffsetDateTime createdOn) {

    static PipelineCache from(RepositoryKey repository, BitbucketCache cache) {
        return new PipelineCache(repository, cache.uuid(), cache.name(), cache.path(), cache.keyHash(),
                cache.pipelineUuid(), cache.stepUuid(), cache.fileSizeBytes(), cache.createdOn());
    }
}
