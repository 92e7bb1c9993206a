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
    private final Listings listings;

    SshEndpoints(BitbucketClient client, Listings listings) {
        this.client = client;
        this.listings = listings;
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

    /** The hosts the build container trusts. */
    public Listing<BitbucketKnownHost> knownHosts(String workspace, String repository) {
        return new Listing<>(listings, knownHostsRequest(workspace, repository), BitbucketKnownHost.class);
    }

    /** One known host, by its UUID. */
    public Mono<BitbucketKnownHost> knownHost(String workspace, String repository, String hostUuid) {
        return client.get(knownHostRequest(workspace, repository, hostUuid), BitbucketKnownHost.class);
    }

    /** Adds a known host; Bitbucket answers with it. */
    public Mono<BitbucketKnownHost> createKnownHost(String workspace, String repository, BitbucketKnownHost host) {
        return client.send(HttpMethod.POST, knownHostsRequest(workspace, repository), host, BitbucketKnownHost.class);
    }

    /** Changes a known host; Bitbucket answers with it. */
    public Mono<BitbucketKnownHost> updateKnownHost(String workspace, String repository, String hostUuid,
            BitbucketKnownHost host) {
        return client.send(HttpMethod.PUT, knownHostRequest(workspace, repository, hostUuid), host,
                BitbucketKnownHost.class);
    }

    /** Deletes a known host. */
    public Mono<Void> deleteKnownHost(String workspace, String repository, String hostUuid) {
        return client.send(HttpMethod.DELETE, knownHostRequest(workspace, repository, hostUuid), null, Void.class);
    }

    private static UpstreamRequest keyPairRequest(String workspace, String repository) {
        return UpstreamRequest.of(UpstreamResource.SSH_KEY_PAIR, "repositories", workspace, repository,
                "pipelines_config", "ssh", "key_pair");
    }

    private static UpstreamRequest knownHostsRequest(String workspace, String repository) {
        return UpstreamRequest.of(UpstreamResource.KNOWN_HOSTS, "repositories", workspace, repository,
                "pipelines_config", "ssh", "known_hosts", "");
    }

    private static UpstreamRequest knownHostRequest(String workspace, String repository, String hostUuid) {
        return UpstreamRequest.of(UpstreamResource.KNOWN_HOST, "repositories", workspace, repository,
                "pipelines_config", "ssh", "known_hosts", hostUuid);
    }
}
