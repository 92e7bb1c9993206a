package io.pipelinesgateway.bitbucket;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * What a repository's build container uses over SSH, as the gateway uses it: its key pair and the hosts it trusts.
 * Each method alone knows its path, its kind of resource and what a 404 means there.
 */
@Component
public class SshEndpoints {

    private final BitbucketClient client;
    private final RepositoryItems<BitbucketKnownHost> knownHosts;

    SshEndpoints(BitbucketClient client, Listings listings) {
        this.client = client;
        this.knownHosts = new RepositoryItems<>(client, listings, UpstreamResource.KNOWN_HOSTS,
                UpstreamResource.KNOWN_HOST, BitbucketKnownHost.class, "pipelines_config", "ssh", "known_hosts");
    }

    /** The repository's key pair (its public half); empty when it has none, which Bitbucket tells with a 404. */
    public Mono<BitbucketSshKeyPair> keyPair(String workspace, String repository) {
        return client.get(keyPairRequest(workspace, repository), BitbucketSshKeyPair.class);
    }

    /** Sets the key pair; Bitbucket answers with it (the private key is never sent back). */
    public Mono<BitbucketSshKeyPair> setKeyPair(String workspace, String repository, BitbucketSshKeyPair keyPair) {
        return client.send(HttpMethod.PUT, keyPairRequest(workspace, repository), keyPair, BitbucketSshKeyPair.class);
    }

    /** Deletes the key pair. */
    public Mono<Void> deleteKeyPair(String workspace, String repository) {
        return client.send(HttpMethod.DELETE, keyPairRequest(workspace, repository), null, Void.class);
    }

    /** The hosts the build container trusts: listed, read one by UUID, added, changed and deleted. */
    public RepositoryItems<BitbucketKnownHost> knownHosts() {
        return knownHosts;
    }

    private static UpstreamRequest keyPairRequest(String workspace, String repository) {
        return UpstreamRequest.of(UpstreamResource.SSH_KEY_PAIR, "repositories", workspace, repository,
                "pipelines_config", "ssh", "key_pair");
    }
}
