package io.pipelinesgateway.workspace;

import java.util.Arrays;

import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.NodeType;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Workspaces as {@code node} finds them: by slug, through the DataLoader of workspaces. */
@Component
class WorkspaceNodeType implements NodeType<String> {

    /** A workspace's ID: its slug. */
    static final GlobalIdFormat<String> ID = GlobalIdFormat.of("Workspace", 1, Arrays::asList,
            (parts, field) -> parts.get(0));

    @Override
    public GlobalIdFormat<String> id() {
        return ID;
    }

    @Override
    public Mono<Workspace> load(String slug, DataFetchingEnvironment environment) {
        return Mono.fromFuture(Loaders.load(environment, Workspace.class, slug));
    }
}
