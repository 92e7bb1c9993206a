package io.pipelinesgateway.repository;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketAddresses;
import io.pipelinesgateway.bitbucket.PathSegments;
import io.pipelinesgateway.bitbucket.Read;
import io.pipelinesgateway.bitbucket.WorkspaceEndpoints;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads repositories: one by key (through the DataLoader of {@link Repository}), and a workspace's list. */
@Service
public class RepositoryService {

    private final WorkspaceEndpoints bitbucket;
    private final BitbucketAddresses addresses;

    RepositoryService(WorkspaceEndpoints bitbucket, BitbucketAddresses addresses, Loaders loaders) {
        this.bitbucket = bitbucket;
        this.addresses = addresses;
        loaders.register(RepositoryKey.class, Repository.class, this::repository);
    }

    Mono<Repository> repository(RepositoryKey key) {
        return bitbucket.repository(key.workspace(), key.slug(), Read.CACHED)
                .map(repository -> Repository.from(key, repository, addresses.webUrl()));
    }

    /**
     * The repository a change names, by its slugs: as asked when it gives both slugs, else as the repository's own
     * (cached) read names it ({@link RepositoryKey#named}). A change sent by UUID would evict and announce only what
     * is kept under its UUID path, while readers' entries and watchers are kept by slugs, and would echo the UUIDs in
     * its answer's IDs; sent by slugs it does neither, for one read a caller who names repositories by UUID pays at
     * most once a cache time.
     */
    public Mono<RepositoryKey> bySlugs(RepositoryKey asked) {
        if (!PathSegments.isUuid(asked.workspace()) && !PathSegments.isUuid(asked.slug())) {
            return Mono.just(asked);
        }
        return bitbucket.repository(asked.workspace(), asked.slug(), Read.CACHED)
                .map(repository -> RepositoryKey.named(asked, repository));
    }

    /** A workspace's repositories by name; the name filter is Bitbucket's own query language, so it costs nothing. */
    public Mono<Connection<Repository>> repositories(String workspace, PageRequest page, String nameContains) {
        return bitbucket.repositories(workspace, nameContains).window(page.offset(), page.first())
                .map(window -> Connection.of(window, page.offset(),
                        repository -> Repository.from(workspace, repository, addresses.webUrl())));
    }

    /** Every repository of a workspace, by name: the scope of the cross-repository feed and insights. */
    public Mono<List<Repository>> all(String workspace) {
        return bitbucket.repositories(workspace, null).all().map(all -> all.stream()
                .map(repository -> Repository.from(workspace, repository, addresses.webUrl())).toList());
    }
}
