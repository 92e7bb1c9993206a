package io.pipelinesgateway.pipeline;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Inputs;
import io.pipelinesgateway.graphql.LoadedField;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.repository.Repository;
import io.pipelinesgateway.repository.RepositoryKey;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Maps pipelines: the {@code pipeline} entry point, a repository's pipelines, and a pipeline's repository. A
 * repository's {@code pipelines} is wired as a {@link LoadedField}, without the cost of an annotated method's
 * invocation.
 */
@Controller
class PipelineController implements RuntimeWiringConfigurer {

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

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Repository", type -> type.dataFetcher("pipelines", LoadedField.of(PipelineController::pipelines)));
    }

    private static CompletableFuture<Connection<Pipeline>> pipelines(Repository repository,
            DataFetchingEnvironment environment) {
        PipelineListRequest request = new PipelineListRequest(repository.workspaceSlug(), repository.slug(),
                Inputs.enums(environment.getArgument("statuses"), PipelineStatus.class),
                environment.getArgument("branch"), !"OLDEST_FIRST".equals(environment.getArgument("order")),
                PageRequest.of(environment.getArgument("first"), null).first(),
                PipelineCursor.decode(environment.getArgument("after")));
        DataLoader<PipelineKey, Pipeline> pipelineLoader = Loaders.loader(environment, Pipeline.class);
        return Loaders.load(environment, PipelineListing.class, request).thenApply(PipelineListing::connection)
                .thenApply(connection -> {
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
