package io.pipelinesgateway.pipeline;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.repository.Repository;
import io.pipelinesgateway.repository.RepositoryKey;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps pipelines: the {@code pipeline} entry point, a repository's pipelines, and a pipeline's repository. */
@Controller
class PipelineController {

    @QueryMapping
    CompletableFuture<Pipeline> pipeline(@Argument String workspace, @Argument String repository,
            @Argument String uuid, @Argument Integer buildNumber, DataLoader<PipelineKey, Pipeline> pipelineLoader) {
        return pipelineLoader.load(PipelineKey.of(workspace, repository, uuid, buildNumber));
    }

    @SchemaMapping(typeName = "Repository", field = "pipeline")
    CompletableFuture<Pipeline> repositoryPipeline(Repository repository, @Argument String uuid,
            @Argument Integer buildNumber, DataLoader<PipelineKey, Pipeline> pipelineLoader) {
        return pipelineLoader.load(PipelineKey.of(repository.workspaceSlug(), repository.slug(), uuid, buildNumber));
    }

    @SchemaMapping(typeName = "Repository")
    CompletableFuture<Connection<Pipeline>> pipelines(Repository repository, @Argument Integer first,
            @Argument String after, @Argument List<PipelineStatus> statuses, @Argument String branch,
            @Argument String order, DataLoader<PipelineListRequest, PipelineListing> pipelineListLoader,
            DataLoader<PipelineKey, Pipeline> pipelineLoader) {
        PipelineListRequest request = new PipelineListRequest(repository.workspaceSlug(), repository.slug(), statuses,
                branch, !"OLDEST_FIRST".equals(order), PageRequest.of(first, after));
        return pipelineListLoader.load(request).thenApply(PipelineListing::connection).thenApply(connection -> {
            // A later field of the same query that names one of these pipelines then costs no upstream call.
            connection.nodes().forEach(pipeline -> pipelineLoader.prime(pipeline.key(), pipeline));
            return connection;
        });
    }

    @SchemaMapping(typeName = "Pipeline")
    CompletableFuture<Repository> repository(Pipeline pipeline, DataLoader<RepositoryKey, Repository> repositoryLoader) {
        return repositoryLoader.load(pipeline.repositoryKey());
    }
}
