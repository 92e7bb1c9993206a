package io.pipelinesgateway.pipelinecache;

import io.pipelinesgateway.bitbucket.BitbucketCacheContentUri;
import io.pipelinesgateway.bitbucket.ConfigurationEndpoints;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads a repository's dependency caches and deletes them, one version by UUID or all versions by name. */
@Service
class PipelineCacheService {

    private final ConfigurationEndpoints bitbucket;

    PipelineCacheService(ConfigurationEndpoints bitbucket) {
        this.bitbucket = bitbucket;
    }

    Mono<Connection<PipelineCache>> caches(RepositoryKey repository, PageRequest page) {
        return bitbucket.caches(repository.workspace(), repository.slug()).window(page.offset(), page.first())
                .map(window -> Connection.of(window, page.offset(), cache -> PipelineCache.from(repository, cache)));
    }

    Mono<String> contentUri(PipelineCache cache) {
        return bitbucket.cacheContentUri(cache.repository().workspace(), cache.repository().slug(), cache.uuid())
                .mapNotNull(BitbucketCacheContentUri::uri);
    }

    Mono<DeletePayload> delete(PipelineCacheInputs.DeleteOne input) {
        RepositoryKey repository = input.repositoryKey();
        return deleted(bitbucket.deleteCache(repository.workspace(), repository.slug(), input.cacheUuid()));
    }

    Mono<DeletePayload> deleteByName(PipelineCacheInputs.DeleteByName input) {
        RepositoryKey repository = input.repositoryKey();
        return deleted(bitbucket.deleteCachesNamed(repository.workspace(), repository.slug(), input.cacheName()));
    }

    private static Mono<DeletePayload> deleted(Mono<Void> deletion) {
        return UserError.recover(deletion
                        .then(Mono.fromSupplier(() -> DeletePayload.deleted(null))),
                null, DeletePayload::rejected);
    }
}
