package io.pipelinesgateway.ssh;

import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.repository.Repository;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps a repository's SSH key pair and known hosts, and the mutations that change them. */
@Controller
class SshController {

    private final SshService ssh;

    SshController(SshService ssh) {
        this.ssh = ssh;
    }

    @SchemaMapping(typeName = "Repository")
    Mono<SshKeyPair> sshKeyPair(Repository repository) {
        return ssh.keyPair(repository.workspaceSlug(), repository.slug());
    }

    @SchemaMapping(typeName = "Repository")
    Mono<Connection<KnownHost>> knownHosts(Repository repository, @Argument Integer first, @Argument String after) {
        return ssh.knownHosts(repository.workspaceSlug(), repository.slug(), PageRequest.of(first, after));
    }

    @MutationMapping
    Mono<SshPayloads.KeyPair> setSshKeyPair(@Argument SshInputs.SetKeyPair input) {
        return ssh.setKeyPair(input);
    }

    @MutationMapping
    Mono<DeletePayload> deleteSshKeyPair(@Argument SshInputs.DeleteKeyPair input) {
        return ssh.deleteKeyPair(input);
    }

    @MutationMapping
    Mono<SshPayloads.Host> createKnownHost(@Argument SshInputs.CreateKnownHost input) {
        return ssh.createKnownHost(input);
    }

    @MutationMapping
    Mono<SshPayloads.Host> updateKnownHost(@Argument SshInputs.UpdateKnownHost input) {
        return ssh.updateKnownHost(input);
    }

    @MutationMapping
    Mono<DeletePayload> deleteKnownHost(@Argument SshInputs.DeleteKnownHost input) {
        return ssh.deleteKnownHost(input);
    }
}
