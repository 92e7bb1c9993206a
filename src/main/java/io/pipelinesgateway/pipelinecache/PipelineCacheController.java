package io.pipelinesgateway.pipelinecache;

import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.repository.Repository;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps a repository's dependency caches, their content URIs, and the mutations that delete them. */
@Controller
class PipelineCacheController {

    private final PipelineCacheService caches;

    PipelineCacheController(PipelineCacheService caches) {
        this.caches = caches;
    }

    @SchemaMapping(typeName = "Repository")
    Mono<Connection<PipelineCache>> caches(Repository repository, @Argument Integer first, @Argument String after) {
        return caches.caches(repository.key(), PageRequest.of(first, after));
    }

    @SchemaMapping(typeName = "PipelineCache")
    Mono<String> contentUri(PipelineCache cache) {
        return caches.contentUri(cache);
    }

    @MutationMapping
    Mono<DeletePayload> deleteCache(@Argument PipelineCacheInputs.DeleteOne input) {
        return caches.delete(input);
    }

    @MutationMapping
    Mono<DeletePayload> deleteCachesByName(@Argument PipelineCacheInputs.DeleteByName input) {
        return caches.deleteByName(input);
    }
}
