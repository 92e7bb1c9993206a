package io.pipelinesgateway.bitbucket;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * A collection of items a repository's Pipelines configuration keeps (its schedules, its known hosts), which the
 * gateway lists, reads one of by UUID, and creates, changes and deletes items of: how such a collection's calls are
 * made, written once. Its endpoint class names the collection's path below the repository and its two kinds of
 * resource, the list and one item.
 *
 * @param <T> the items' type, as Bitbucket sends and receives them
 */
public final class RepositoryItems<T> {

    private final BitbucketClient client;
    private final Listings listings;
    private final UpstreamResource listResource;
    private final UpstreamResource itemResource;
    private final Class<T> type;
    private final List<String> path;

    RepositoryItems(BitbucketClient client, Listings listings, UpstreamResource listResource,
            UpstreamResource itemResource, Class<T> type, String... path) {
        this.client = client;
        this.listings = listings;
        this.listResource = listResource;
        this.itemResource = itemResource;
        this.type = type;
        this.path = List.of(path);
    }

    /** The repository's items. */
    public Listing<T> list(String workspace, String repository) {
        return new Listing<>(listings, listRequest(workspace, repository), type);
    }

    /** One item, by its UUID. */
    public Mono<T> item(String workspace, String repository, String uuid) {
        return client.get(itemRequest(workspace, repository, uuid), type);
    }

    /** Creates an item; Bitbucket answers with it. */
    public Mono<T> create(String workspace, String repository, T item) {
        return client.send(HttpMethod.POST, listRequest(workspace, repository), item, type);
    }

    /** Changes an item; Bitbucket answers with it. */
    public Mono<T> update(String workspace, String repository, String uuid, T item) {
        return client.send(HttpMethod.PUT, itemRequest(workspace, repository, uuid), item, type);
    }

    /** Deletes an item. */
    public Mono<Void> delete(String workspace, String repository, String uuid) {
        return client.send(HttpMethod.DELETE, itemRequest(workspace, repository, uuid), null, Void.class);
    }

    /** The list, with the trailing slash Bitbucket publishes these lists with. */
    private UpstreamRequest listRequest(String workspace, String repository) {
        return UpstreamRequest.of(listResource, repositoryPath(workspace, repository), "");
    }

    private UpstreamRequest itemRequest(String workspace, String repository, String uuid) {
        return UpstreamRequest.of(itemResource, repositoryPath(workspace, repository), uuid);
    }

    private List<String> repositoryPath(String workspace, String repository) {
        List<String> segments = new ArrayList<>(path.size() + 3);
        segments.add("repositories");
        segments.add(workspace);
        segments.add(repository);
        segments.addAll(path);
        return segments;
    }
}
