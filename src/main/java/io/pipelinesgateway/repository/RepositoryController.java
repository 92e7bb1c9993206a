package io.pipelinesgateway.repository;

import java.util.concurrent.CompletableFuture;

import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.security.Caller;
import io.pipelinesgateway.workspace.Workspace;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps repositories: the {@code repository} entry point, a workspace's list, and a repository's workspace. */
@Controller
class RepositoryController {

    private final RepositoryService repositories;

    RepositoryController(RepositoryService repositories) {
        this.repositories = repositories;
    }

    @QueryMapping
    CompletableFuture<Repository> repository(@Argument String workspace, @Argument String slug,
            DataLoader<RepositoryKey, Repository> repositoryLoader) {
        return repositoryLoader.load(RepositoryKey.checked(workspace, "workspace", slug, "slug"));
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
