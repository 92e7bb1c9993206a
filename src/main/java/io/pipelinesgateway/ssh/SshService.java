package io.pipelinesgateway.ssh;

import io.pipelinesgateway.bitbucket.BitbucketKnownHost;
import io.pipelinesgateway.bitbucket.BitbucketSshKeyPair;
import io.pipelinesgateway.bitbucket.SshEndpoints;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryItem;
import io.pipelinesgateway.repository.RepositoryService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads and changes what a repository's build container uses over SSH: its key pair (whose private key is sent to
 * Bitbucket and never read back) and the hosts it trusts.
 */
@Service
public class SshService {

    private final SshEndpoints bitbucket;
    private final RepositoryService repositories;

    SshService(SshEndpoints bitbucket, RepositoryService repositories) {
        this.bitbucket = bitbucket;
        this.repositories = repositories;
    }

    /** The key pair's public half; empty when the repository has none (Bitbucket answers 404). */
    Mono<SshKeyPair> keyPair(String workspace, String repository) {
        return bitbucket.keyPair(workspace, repository).map(keyPair -> new SshKeyPair(keyPair.publicKey()));
    }

    Mono<SshPayloads.KeyPair> setKeyPair(SshInputs.SetKeyPair input) {
        BitbucketSshKeyPair body = input.body();
        return UserError.recover(repositories.bySlugs(input.repositoryKey())
                        .flatMap(repository -> bitbucket.setKeyPair(repository.workspace(), repository.slug(), body))
                        // Only the public key is kept from the answer, whatever else it holds.
                        .map(saved -> SshPayloads.KeyPair.of(new SshKeyPair(saved.publicKey()))),
                "input.privateKey", SshPayloads.KeyPair::rejected);
    }

    Mono<DeletePayload> deleteKeyPair(SshInputs.DeleteKeyPair input) {
        return UserError.recover(repositories.bySlugs(input.repositoryKey())
                        .flatMap(repository -> bitbucket.deleteKeyPair(repository.workspace(), repository.slug()))
                        .then(Mono.fromSupplier(() -> DeletePayload.deleted(null))),
                null, DeletePayload::rejected);
    }

    Mono<Connection<KnownHost>> knownHosts(String workspace, String repository, PageRequest page) {
        return bitbucket.knownHosts().list(workspace, repository).window(page.offset(), page.first())
                .map(window -> Connection.of(window, page.offset(),
                        host -> KnownHost.from(workspace, repository, host)));
    }

    /** The known host a global ID names. */
    Mono<KnownHost> knownHost(RepositoryItem host) {
        return bitbucket.knownHosts().item(host.workspace(), host.repository(), host.uuid())
                .map(found -> KnownHost.from(host.workspace(), host.repository(), found));
    }

    Mono<SshPayloads.Host> createKnownHost(SshInputs.CreateKnownHost input) {
        BitbucketKnownHost body = input.body();
        return UserError.recover(repositories.bySlugs(input.repositoryKey()).flatMap(repository -> bitbucket
                        .knownHosts().create(repository.workspace(), repository.slug(), body)
                        .map(created -> SshPayloads.Host.of(KnownHost.from(repository.workspace(), repository.slug(),
                                created)))),
                "input.hostname", SshPayloads.Host::rejected);
    }

    Mono<SshPayloads.Host> updateKnownHost(SshInputs.UpdateKnownHost input) {
        RepositoryItem host = input.knownHost();
        BitbucketKnownHost body = input.body(host);
        return UserError.recover(bitbucket.knownHosts().update(host.workspace(), host.repository(), host.uuid(), body)
                        .map(updated -> SshPayloads.Host.of(KnownHost.from(host.workspace(), host.repository(),
                                updated))),
                "input.hostname", SshPayloads.Host::rejected);
    }

    Mono<DeletePayload> deleteKnownHost(SshInputs.DeleteKnownHost input) {
        RepositoryItem host = input.knownHost();
        return UserError.recover(bitbucket.knownHosts().delete(host.workspace(), host.repository(), host.uuid())
                        .then(Mono.fromSupplier(() -> DeletePayload.deleted(input.id()))),
                null, DeletePayload::rejected);
    }
}
