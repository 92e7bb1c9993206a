package io.pipelinesgateway.workspace;

import java.util.Map;
import java.util.function.Function;

import graphql.TrivialDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import io.pipelinesgateway.graphql.Loaders;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The fields of a workspace that only reading it from Bitbucket gives: its UUID, name, privacy, creation time and
 * page. A configured workspace is listed by its slug alone ({@link Workspace#configured}) and read, through its
 * DataLoader, only when one of these is asked for: a dashboard that shows the configured workspaces' repositories
 * spends no call on the workspaces themselves, and a workspace the caller may not read fails only its own fields.
 */
@Component
class WorkspaceReadFields implements RuntimeWiringConfigurer {

    private static final Map<String, Function<Workspace, Object>> FIELDS = Map.of("uuid", Workspace::uuid,
            "name", Workspace::name, "isPrivate", Workspace::isPrivate, "createdOn", Workspace::createdOn,
            "webUrl", Workspace::webUrl);

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Workspace", type -> {
            // Trivial in graphql-java's sense: a read workspace answers at once, and one to read only queues its slug.
            FIELDS.forEach((field, value) -> type.dataFetcher(field, (TrivialDataFetcher<Object>) environment -> {
                Workspace workspace = environment.getSource();
                return workspace.read() ? value.apply(workspace)
                        : Loaders.load(environment, Workspace.class, workspace.slug())
                                .thenApply(read -> read == null ? null : value.apply(read));
            }));
            return type;
        });
    }
}
