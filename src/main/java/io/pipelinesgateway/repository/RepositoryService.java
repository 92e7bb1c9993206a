package io.pipelinesgateway.repository;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketClient;
import io.pipelinesgateway.bitbucket.BitbucketRepository;
import io.pipelinesgateway.bitbucket.UpstreamRequest;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads repositories: one by key (through the DataLoader of {@link Repository}), and a workspace's list. */
@Service
public class RepositoryService {

    private final BitbucketClient client;

    RepositoryService(BitbucketClient client, Loaders loaders) {
        this.client = client;
        loaders.register(RepositoryKey.class, Repository.class, this::repository);
    }

    Mono<Repository> repository(RepositoryKey key) {
        return client.get(UpstreamRequest.of("repository", "repositories", key.workspace(), key.slug()),
                        BitbucketRepository.class)
                .map(repository -> Repository.from(key, repository, client.webUrl()));
    }

    /** A workspace's repositories by name; the name filter is Bitbucket's own query language, so it costs nothing. */
    public Mono<Connection<Repository>> repositories(String workspace, PageRequest page, String nameContains) {
        UpstreamRequest request = listing(workspace)
                .with("q", nameContains == null || nameContains.isBlank() ? null
                        : "name ~ \"" + nameContains.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        return client.window(request, BitbucketRepository.class, page.offset(), page.first(), any -> true, false)
                .map(window -> Connection.of(window, page.offset(),
                        repository -> Repository.from(workspace, repository, client.webUrl())));
    }

    /** Every repository of a workspace, by name: the scope of the cross-repository feed and insights. */
    public Mono<List<Repository>> all(String workspace) {
        return client.all(listing(workspace), BitbucketRepository.class).map(all -> all.stream()
                .map(repository -> Repository.from(workspace, repository, client.webUrl())).toList());
    }

    private static UpstreamRequest listing(String workspace) {
        return UpstreamRequest.of("repositories", "repositories", workspace).with("sort", "name");
    }
}
