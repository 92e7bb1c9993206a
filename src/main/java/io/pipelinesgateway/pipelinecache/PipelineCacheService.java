package io.pipelinesgateway.pipelinecache;

import io.pipelinesgateway.bitbucket.BitbucketCacheContentUri;
import io.pipelinesgateway.bitbucket.ConfigurationEndpoints;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.repository.RepositoryService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads a repository's dependency caches and deletes them, one version by UUID or all versions by name. */
@Service
class PipelineCacheService {

    private final ConfigurationEndpoints bitbucket;
    private final RepositoryService repositories;

    PipelineCacheService(ConfigurationEndpoints bitbucket, RepositoryService repositories) {
        this.bitbucket = bitbucket;
        this.repositories = repositories;
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
        String cacheUuid = input.cacheUuid();
        return deleted(repositories.bySlugs(input.repositoryKey())
                .flatMap(repository -> bitbucket.deleteCache(repository.workspace(), repository.slug(), cacheUuid)));
    }

    Mono<DeletePayload> deleteByName(PipelineCacheInputs.DeleteByName input) {
        String cacheName = input.cacheName();
        return deleted(repositories.bySlugs(input.repositoryKey()).flatMap(repository -> bitbucket
                .deleteCachesNamed(repository.workspace(), repository.slug(), cacheName)));
    }

    private static Mono<DeletePayload> deleted(Mono<Void> deletion) {
        return UserError.recover(deletion
                        .then(Mono.fromSupplier(() -> DeletePayload.deleted(null))),
                null, DeletePayload::rejected);
    }
}
