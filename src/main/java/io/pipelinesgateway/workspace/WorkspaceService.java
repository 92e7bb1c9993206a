package io.pipelinesgateway.workspace;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketClient;
import io.pipelinesgateway.bitbucket.BitbucketProperties;
import io.pipelinesgateway.bitbucket.BitbucketWorkspace;
import io.pipelinesgateway.bitbucket.BitbucketWorkspaceMembership;
import io.pipelinesgateway.bitbucket.UpstreamRequest;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.security.UpstreamCredentials;
import io.pipelinesgateway.security.WorkspaceProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads workspaces: one by slug (through the DataLoader of {@link Workspace}), and the list a caller sees. */
@Service
public class WorkspaceService {

    private final BitbucketClient client;
    private final WorkspaceProperties configured;
    private final UpstreamCredentials credentials;

    WorkspaceService(BitbucketClient client, WorkspaceProperties configured, UpstreamCredentials credentials,
            Loaders loaders) {
        this.client = client;
        this.configured = configured;
        this.credentials = credentials;
        loaders.register(String.class, Workspace.class, this::workspace);
    }

    Mono<Workspace> workspace(String slug) {
        return client.get(UpstreamRequest.of("workspace", "workspaces", slug), BitbucketWorkspace.class)
                .map(workspace -> Workspace.from(slug, workspace, null, client.webUrl()));
    }

    /**
     * The configured workspaces when there are any (in service mode, those the caller has a grant on and the
     * gateway a credential for), else the caller's memberships.
     */
    Mono<Connection<Workspace>> workspaces(PageRequest page) {
        if (!configured.workspaces().isEmpty()) {
            return configuredSlugs()
                    .flatMapMany(slugs -> Flux.fromIterable(slugs)
                            .flatMapSequential(this::workspace, BitbucketProperties.FAN_OUT))
                    .collectList()
                    .map(all -> Connection.ofList(all, page));
        }
        return client.window(memberships(), BitbucketWorkspaceMembership.class, page.offset(), page.first(),
                        membership -> located(membership), false)
                .map(window -> Connection.of(window, page.offset(), membership -> Workspace.from(
                        Workspace.slugOf(membership.workspace()), membership.workspace(), membership.permission(),
                        client.webUrl())));
    }

    /**
     * The slugs of every workspace {@code workspaces} lists (configured, or else all the caller's memberships): the
     * default scope of the cross-workspace feed and insights.
     */
    public Mono<List<String>> slugs() {
        if (!configured.workspaces().isEmpty()) {
            return configuredSlugs();
        }
        return client.all(memberships(), BitbucketWorkspaceMembership.class)
                .map(all -> all.stream().filter(WorkspaceService::located)
                        .map(membership -> Workspace.slugOf(membership.workspace())).toList());
    }

    private Mono<List<String>> configuredSlugs() {
        return Mono.deferContextual(context -> Mono.just(credentials.readable(context, configured.workspaces()
                .stream().map(WorkspaceProperties.ConfiguredWorkspace::slug).toList())));
    }

    /** Whether a membership names a workspace the gateway can locate: one with a slug or a UUID. */
    private static boolean located(BitbucketWorkspaceMembership membership) {
        return membership.workspace() != null && Workspace.slugOf(membership.workspace()) != null;
    }

    private static UpstreamRequest memberships() {
        return UpstreamRequest.of("workspace_memberships", "user", "permissions", "workspaces")
                .with("sort", "workspace.slug");
    }
}
