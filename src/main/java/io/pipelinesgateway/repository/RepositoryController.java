package io.pipelinesgateway.repository;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.LoadedField;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.security.Caller;
import io.pipelinesgateway.workspace.Workspace;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Maps repositories: the {@code repository} entry point, a workspace's list, and a repository's workspace. The entry
 * point, which a portal's small queries start from, is wired as a {@link LoadedField}, without the cost of an
 * annotated method's invocation.
 */
@Controller
class RepositoryController implements RuntimeWiringConfigurer {

    private final RepositoryService repositories;

    RepositoryController(RepositoryService repositories) {
        this.repositories = repositories;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("repository", LoadedField.of(RepositoryController::repository)));
    }

    private static CompletableFuture<Repository> repository(Object query, DataFetchingEnvironment environment) {
        return Loaders.load(environment, Repository.class, RepositoryKey.checked(environment.getArgument("workspace"),
                "workspace", environment.getArgument("slug"), "slug"));
    }

    @SchemaMapping(typeName = "Workspace")
    Mono<Connection<Repository>> repositories(Workspace workspace, @Argument Integer first, @Argument String after,
            @Argument String name) {
        return repositories.repositories(workspace.slug(), PageRequest.of(first, after), name);
    }

    @SchemaMapping(typeName = "Repository")
    Mono<Boolean> viewerCanRunPipelines(Repository repository) {
        return Mono.deferContextual(context -> Mono.justOrEmpty(
                Caller.from(context).mayChange(repository.workspaceSlug())));
    }

    @SchemaMapping(typeName = "Repository")
    CompletableFuture<Workspace> workspace(Repository repository, DataLoader<String, Workspace> workspaceLoader) {
        return workspaceLoader.load(repository.workspaceSlug());
    }
}
