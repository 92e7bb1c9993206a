package io.pipelinesgateway.workspace;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.schema.idl.RuntimeWiring;
import io.pipelinesgateway.bitbucket.PathSegments;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.LoadedField;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.PageRequest;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Maps the workspace entry points of {@code Query}, and the fields of a workspace that only reading it from Bitbucket
 * gives (its UUID, name, privacy, creation time and page). A configured workspace is listed by its slug alone
 * ({@link Workspace#configured}) and read, through its DataLoader, only when one of these is asked for: a dashboard
 * that shows the configured workspaces' repositories spends no call on the workspaces themselves, and a workspace the
 * caller may not read fails only its own fields.
 */
@Controller
class WorkspaceController implements RuntimeWiringConfigurer {

    private static final Map<String, Function<Workspace, Object>> READ_FIELDS = Map.of("uuid", Workspace::uuid,
            "name", Workspace::name, "isPrivate", Workspace::isPrivate, "createdOn", Workspace::createdOn,
            "webUrl", Workspace::webUrl);

    private final WorkspaceService workspaces;

    WorkspaceController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @QueryMapping
    CompletableFuture<Workspace> workspace(@Argument String slug, DataLoader<String, Workspace> workspaceLoader) {
        return workspaceLoader.load(PathSegments.workspace(slug, "slug"));
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Workspace", type -> {
            READ_FIELDS.forEach((field, value) -> type.dataFetcher(field, readField(value)));
            return type;
        });
    }

    /** A field of the workspace itself when it was read, else of the workspace its DataLoader reads. */
    private static LoadedField<Workspace, Object> readField(Function<Workspace, Object> value) {
        return LoadedField.of((workspace, environment) -> workspace.read()
                ? CompletableFuture.completedFuture(value.apply(workspace))
                : Loaders.load(environment, Workspace.class, workspace.slug())
                        .thenApply(read -> read == null ? null : value.apply(read)));
    }

    @QueryMapping
    Mono<Connection<Workspace>> workspaces(@Argument Integer first, @Argument String after) {
        return workspaces.workspaces(PageRequest.of(first, after));
    }
}
