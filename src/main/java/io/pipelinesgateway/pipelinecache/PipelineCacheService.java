package io.pipelinesgateway.pipelinecache;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketCache;
import io.pipelinesgateway.bitbucket.BitbucketCacheContentUri;
import io.pipelinesgateway.bitbucket.BitbucketClient;
import io.pipelinesgateway.bitbucket.UpstreamRequest;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Service;

/** Reads a repository's dependency caches and deletes them, one version by UUID or all versions by name. */
@Service
class PipelineCacheService {

    private final BitbucketClient client;

    PipelineCacheService(BitbucketClient client) {
        this.client = client;
    }

    Mono<Connection<PipelineCache>> caches(RepositoryKey repository, PageRequest page) {
        return client.window(caches("caches", repository, ""), BitbucketCache.class, page.offset(), page.first(),
                        any -> true, false)
                .map(window -> Connection.of(window, page.offset(), cache -> PipelineCache.from(repository, cache)));
    }

    Mono<String> contentUri(PipelineCache cache) {
        return client.get(caches("cache_content_uri", cache.repository(), cache.uuid(), "content-uri"),
                        BitbucketCacheContentUri.class)
                .mapNotNull(BitbucketCacheContentUri::uri);
    }

    Mono<DeletePayload> delete(PipelineCacheInputs.DeleteOne input) {
        UpstreamRequest request = caches("cache", input.repositoryKey(), input.cacheUuid());
        return deleted(request);
    }

    Mono<DeletePayload> deleteByName(PipelineCacheInputs.DeleteByName input) {
        // Published without the trailing slash of the listing: DELETE .../pipelines-config/caches?name=...
        UpstreamRequest request = caches("caches", input.repositoryKey()).with("name", input.cacheName());
        return deleted(request);
    }

    private Mono<DeletePayload> deleted(UpstreamRequest request) {
        return UserError.recover(client.send(HttpMethod.DELETE, request, null, Void.class)
                        .then(Mono.fromSupplier(() -> DeletePayload.deleted(null))),
                null, DeletePayload::rejected);
    }

    private static UpstreamRequest caches(String resource, RepositoryKey repository, String... rest) {
        return UpstreamRequest.of(resource, List.of("repositories", repository.workspace(), repository.slug(),
                "pipelines-config", "caches"), rest);
    }
}
