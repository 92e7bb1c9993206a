package io.pipelinesgateway.ssh;

import io.pipelinesgateway.bitbucket.BitbucketClient;
import io.pipelinesgateway.bitbucket.BitbucketKnownHost;
import io.pipelinesgateway.bitbucket.BitbucketSshKeyPair;
import io.pipelinesgateway.bitbucket.UpstreamRequest;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryItem;
import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Service;

/**
 * Reads and changes what a repository's build container uses over SSH: its key pair (whose private key is sent to
 * Bitbucket and never read back) and the hosts it trusts.
 */
@Service
public class SshService {

    private final BitbucketClient client;

    SshService(BitbucketClient client) {
        this.client = client;
    }

    /** The key pair's public half; empty when the repository has none (Bitbucket answers 404). */
    Mono<SshKeyPair> keyPair(String workspace, String repository) {
        return client.get(keyPairRequest(workspace, repository), BitbucketSshKeyPair.class)
                .map(keyPair -> new SshKeyPair(keyPair.publicKey()))
                .onErrorResume(GatewayException.class, error -> error.code() == ErrorCode.NOT_FOUND
                        ? Mono.empty() : Mono.error(error));
    }

    Mono<SshPayloads.KeyPair> setKeyPair(SshInputs.SetKeyPair input) {
        RepositoryKey repository = input.repositoryKey();
        BitbucketSshKeyPair body = input.body();
        return UserError.recover(client.send(HttpMethod.PUT, keyPairRequest(repository.workspace(),
                                repository.slug()), body, BitbucketSshKeyPair.class)
                        // Only the public key is kept from the answer, whatever else it holds.
                        .map(saved -> SshPayloads.KeyPair.of(new SshKeyPair(saved.publicKey()))),
                "input.privateKey", SshPayloads.KeyPair::rejected);
    }

    Mono<DeletePayload> deleteKeyPair(SshInputs.DeleteKeyPair input) {
        RepositoryKey repository = input.repositoryKey();
        return UserError.recover(client.send(HttpMethod.DELETE, keyPairRequest(repository.workspace(),
                                repository.slug()), null, Void.class)
                        .then(Mono.fromSupplier(() -> DeletePayload.deleted(null))),
                null, DeletePayload::rejected);
    }

    Mono<Connection<KnownHost>> knownHosts(String workspace, String repository, PageRequest page) {
        return client.window(knownHostsRequest(workspace, repository), BitbucketKnownHost.class, page.offset(),
                        page.first(), any -> true, false)
                .map(window -> Connection.of(window, page.offset(),
                        host -> KnownHost.from(workspace, repository, host)));
    }

    /** The known host a global ID names. */
    Mono<KnownHost> knownHost(RepositoryItem host) {
        return client.get(knownHostRequest(host), BitbucketKnownHost.class)
                .map(found -> KnownHost.from(host.workspace(), host.repository(), found));
    }

    Mono<SshPayloads.Host> createKnownHost(SshInputs.CreateKnownHost input) {
        RepositoryKey repository = input.repositoryKey();
        BitbucketKnownHost body = input.body();
        return UserError.recover(client.send(HttpMethod.POST, knownHostsRequest(repository.workspace(),
                                repository.slug()), body, BitbucketKnownHost.class)
                        .map(created -> SshPayloads.Host.of(KnownHost.from(repository.workspace(), repository.slug(),
                                created))),
                "input.hostname", SshPayloads.Host::rejected);
    }

    Mono<SshPayloads.Host> updateKnownHost(SshInputs.UpdateKnownHost input) {
        RepositoryItem host = input.knownHost();
        BitbucketKnownHost body = input.body(host);
        return UserError.recover(client.send(HttpMethod.PUT, knownHostRequest(host), body, BitbucketKnownHost.class)
                        .map(updated -> SshPayloads.Host.of(KnownHost.from(host.workspace(), host.repository(),
                                updated))),
                "input.hostname", SshPayloads.Host::rejected);
    }

    Mono<DeletePayload> deleteKnownHost(SshInputs.DeleteKnownHost input) {
        RepositoryItem host = input.knownHost();
        return UserError.recover(client.send(HttpMethod.DELETE, knownHostRequest(host), null, Void.class)
                        .then(Mono.fromSupplier(() -> DeletePayload.deleted(input.id()))),
                null, DeletePayload::rejected);
    }

    private static UpstreamRequest keyPairRequest(String workspace, String repository) {
        return UpstreamRequest.of("ssh_key_pair", "repositories", workspace, repository, "pipelines_config", "ssh",
                "key_pair");
    }

    private static UpstreamRequest knownHostsRequest(String workspace, String repository) {
        return UpstreamRequest.of("known_hosts", "repositories", workspace, repository, "pipelines_config", "ssh",
                "known_hosts", "");
    }

    private static UpstreamRequest knownHostRequest(RepositoryItem host) {
        return UpstreamRequest.of("known_host", "repositories", host.workspace(), host.repository(),
                "pipelines_config", "ssh", "known_hosts", host.uuid());
    }
}
