package io.pipelinesgateway.environment;

import java.util.List;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.Connection;
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

/** {@code EnvironmentController} alone: a repository's environments, paged by their arguments; failures coded. */
@ControllerSliceTest
@Import({EnvironmentController.class, RepositoryEntryPoint.class})
class EnvironmentFieldsMapToTheServiceTest {

    @Autowired
    private GraphQlTester graphQl;

    @MockitoBean
    private EnvironmentService environments;

    @MockitoBean
    private RepositoryService repositories;

    @Test
    void aRepositorysEnvironmentsArePagedByTheirArguments() {
        when(environments.environments(any(), any(), any())).thenReturn(Mono.just(Connection.ofList(
                List.of(new DeploymentEnvironment("acme", "api", "{e}", "Staging")), PageRequest.of(2, null))));

        graphQl.document(REPOSITORY.replace("FIELDS", "deploymentEnvironments(first: 2) { nodes { name id } }"))
                .execute()
                .path("repository.deploymentEnvironments.nodes[0].name").entity(String.class).isEqualTo("Staging")
                .path("repository.deploymentEnvironments.nodes[0].id").entity(String.class)
                .isEqualTo(DeploymentEnvironmentNodeType.ID.encode(
                        new RepositoryItem("acme", "api", "{e}")));

        verify(environments).environments("acme", "api", PageRequest.of(2, null));
    }

    @Test
    void aFailureOfTheListingCarriesItsCode() {
        when(environments.environments(any(), any(), any())).thenReturn(Mono.error(
                new GatewayException(ErrorCode.FORBIDDEN, "The credential cannot read the environments.")));

        graphQl.document(REPOSITORY.replace("FIELDS", "name deploymentEnvironments { nodes { name } }"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getPath()).isEqualTo("repository.deploymentEnvironments");
                    assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
                }))
                .path("repository.name").entity(String.class).isEqualTo("API");
    }
}
