package io.pipelinesgateway.workspace;

import java.util.concurrent.CompletableFuture;

import io.pipelinesgateway.bitbucket.PathSegments;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Maps the workspace entry points of {@code Query}. */
@Controller
class WorkspaceController {

    private final WorkspaceService workspaces;

    WorkspaceController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @QueryMapping
    CompletableFuture<Workspace> workspace(@Argument String slug, DataLoader<String, Workspace> workspaceLoader) {
        return workspaceLoader.load(PathSegments.workspace(slug, "slug"));
    }

    @QueryMapping
    Mono<Connection<Workspace>> workspaces(@Argument Integer first, @Argument String after) {
        return workspaces.workspaces(PageRequest.of(first, after));
    }
}
