package io.pipelinesgateway.workspace;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketAddresses;
import io.pipelinesgateway.bitbucket.PathSegments;
import io.pipelinesgateway.bitbucket.BitbucketWorkspaceAccess;
import io.pipelinesgateway.bitbucket.WorkspaceEndpoints;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.security.UpstreamCredentials;
import io.pipelinesgateway.security.WorkspaceProperties;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads workspaces: one by slug (through the DataLoader of {@link Workspace}), and the list a caller sees. */
@Service
public class WorkspaceService {

    private final WorkspaceEndpoints bitbucket;
    private final BitbucketAddresses addresses;
    private final WorkspaceProperties configured;
    private final UpstreamCredentials credentials;

    WorkspaceService(WorkspaceEndpoints bitbucket, BitbucketAddresses addresses, WorkspaceProperties configured,
            UpstreamCredentials credentials, Loaders loaders) {
        this.bitbucket = bitbucket;
        this.addresses = addresses;
        this.configured = configured;
        this.credentials = credentials;
        loaders.register(String.class, Workspace.class, this::workspace);
    }

    Mono<Workspace> workspace(String slug) {
        return bitbucket.workspace(slug)
                .map(workspace -> Workspace.from(slug, workspace, null, addresses.webUrl()));
    }

    /**
     * The workspace a change names, by its slug: as asked when it gives the slug, else as the workspace's own (cached)
     * read names it, so that the change evicts what readers keep by slug (see {@code RepositoryService#bySlugs}).
     */
    public Mono<String> bySlug(String asked) {
        if (!PathSegments.isUuid(asked)) {
            return Mono.just(asked);
        }
        return bitbucket.workspace(asked).map(workspace -> workspace.slug() != null ? workspace.slug() : asked);
    }

    /**
     * The configured workspaces when there are any (in service mode, those the caller has a grant on and the
     * gateway a credential for), by their slugs: each is read only if a field that reading gives is asked for
     * ({@link WorkspaceController}), so a dashboard that shows their repositories spends no call on them. Else the
     * caller's memberships.
     */
    Mono<Connection<Workspace>> workspaces(PageRequest page) {
        if (!configured.workspaces().isEmpty()) {
            return configuredSlugs()
                    .map(slugs -> Connection.ofList(slugs.stream().map(Workspace::configured).toList(), page));
        }
        return bitbucket.memberships().window(page.offset(), page.first(), WorkspaceService::located, false)
                .map(window -> Connection.of(window, page.offset(), membership -> Workspace.from(
                        Workspace.slugOf(membership.workspace()), membership.workspace(), membership.permission(),
                        addresses.webUrl())));
    }

    /**
     * The slugs of every workspace {@code workspaces} lists (configured, or else all the caller's memberships): the
     * default scope of the cross-workspace feed and insights.
     */
    public Mono<List<String>> slugs() {
        if (!configured.workspaces().isEmpty()) {
            return configuredSlugs();
        }
        return bitbucket.memberships().all()
                .map(all -> all.stream().filter(WorkspaceService::located)
                        .map(membership -> Workspace.slugOf(membership.workspace())).toList());
    }

    private Mono<List<String>> configuredSlugs() {
        return Mono.deferContextual(context -> Mono.just(credentials.readable(context, configured.workspaces()
                .stream().map(WorkspaceProperties.ConfiguredWorkspace::slug).toList())));
    }

    /** Whether a membership names a workspace the gateway can locate: one with a slug or a UUID. */
    private static boolean located(BitbucketWorkspaceAccess membership) {
        return membership.workspace() != null && Workspace.slugOf(membership.workspace()) != null;
    }
}
