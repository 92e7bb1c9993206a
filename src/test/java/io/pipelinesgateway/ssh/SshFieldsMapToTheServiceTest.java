package io.pipelinesgateway.ssh;

import java.util.List;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.repository.RepositoryItem;
import io.pipelinesgateway.repository.RepositoryService;
import io.pipelinesgateway.support.ControllerSliceTest;
import io.pipelinesgateway.support.RepositoryEntryPoint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static io.pipelinesgateway.support.RepositoryEntryPoint.REPOSITORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@code SshController} alone: a repository's known hosts page the service's list by their arguments, and a
 * mutation's input reaches the service as its input record, the payload going back as the schema shows it.
 */
@ControllerSliceTest
@Import({SshController.class, RepositoryEntryPoint.class})
class SshFieldsMapToTheServiceTest {

    private static final RepositoryItem GITHUB = new RepositoryItem("acme", "api", "{h}");

    @Autowired
    private GraphQlTester graphQl;

    @MockitoBean
    private SshService ssh;

    @MockitoBean
    private RepositoryService repositories;

    @Test
    void aRepositorysKnownHostsArePagedByTheirArgumentsAndNamedByTheirIds() {
        when(ssh.knownHosts(any(), any(), any())).thenReturn(Mono.just(Connection.ofList(
                List.of(new KnownHost(GITHUB, "github.com", null)), PageRequest.of(3, null))));

        graphQl.document(REPOSITORY.replace("FIELDS", "knownHosts(first: 3) { nodes { hostname id } }"))
                .execute()
                .path("repository.knownHosts.nodes[0].hostname").entity(String.class).isEqualTo("github.com")
                .path("repository.knownHosts.nodes[0].id").entity(String.class)
                .isEqualTo(KnownHostNodeType.ID.encode(GITHUB));

        verify(ssh).knownHosts("acme", "api", PageRequest.of(3, null));
    }

    @Test
    void deleteKnownHostHandsTheServiceItsInputAndAnswersItsPayload() {
        String id = KnownHostNodeType.ID.encode(GITHUB);
        when(ssh.deleteKnownHost(any())).thenReturn(Mono.just(DeletePayload.deleted(id)));

        graphQl.document("mutation($id: ID!) { deleteKnownHost(input: {id: $id}) { deleted deletedId } }")
                .variable("id", id)
                .execute()
                .path("deleteKnownHost.deleted").entity(Boolean.class).isEqualTo(true)
                .path("deleteKnownHost.deletedId").entity(String.class).isEqualTo(id);

        verify(ssh).deleteKnownHost(new SshInputs.DeleteKnownHost(id));
    }

    @Test
    void aFailureOfTheServiceCarriesItsCode() {
        when(ssh.keyPair(any(), any())).thenReturn(Mono.error(
                new GatewayException(ErrorCode.FORBIDDEN, "The credential cannot read the key pair.")));

        graphQl.document(REPOSITORY.replace("FIELDS", "sshKeyPair { publicKey }")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getPath()).isEqualTo("repository.sshKeyPair");
                    assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
                }));
    }
}
