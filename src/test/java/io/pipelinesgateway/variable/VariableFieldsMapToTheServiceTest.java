package io.pipelinesgateway.variable;

import java.util.List;

import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
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
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * {@code VariableController} alone: each level's variables field reads the service's list for that level's scope,
 * paged by its arguments, and a team that could be no workspace slug is BAD_USER_INPUT before the service is asked.
 */
@ControllerSliceTest
@Import({VariableController.class, RepositoryEntryPoint.class})
class VariableFieldsMapToTheServiceTest {

    @Autowired
    private GraphQlTester graphQl;

    @MockitoBean
    private VariableService variables;

    @MockitoBean
    private RepositoryService repositories;

    @Test
    void aRepositorysVariablesAreThoseOfItsScopeAndNamedByTheirIds() {
        VariableScope scope = VariableScope.repository("acme", "api");
        when(variables.variables(any(), any())).thenReturn(Mono.just(Connection.ofList(
                List.of(new Variable(scope, "{v}", "REGION", "eu-west-1", false)), PageRequest.of(4, null))));

        graphQl.document(REPOSITORY.replace("FIELDS", "variables(first: 4) { nodes { key value id } }"))
                .execute()
                .path("repository.variables.nodes[0].key").entity(String.class).isEqualTo("REGION")
                .path("repository.variables.nodes[0].id").entity(String.class)
                .isEqualTo(VariableNodeType.ID.encode(new VariableScope.Located(scope, "{v}", null)));

        verify(variables).variables(scope, PageRequest.of(4, null));
    }

    @Test
    void aUsersVariablesAreThoseOfTheUserScope() {
        when(variables.variables(any(), any())).thenReturn(Mono.just(Connection.ofList(List.of(),
                PageRequest.of(20, null))));

        graphQl.document("{ userVariables(user: \"{u}\") { nodes { key } } }").execute()
                .path("userVariables.nodes").entityList(Object.class).hasSize(0);

        verify(variables).variables(VariableScope.user("{u}"), PageRequest.of(20, null));
    }

    @Test
    void aTeamThatCouldBeNoWorkspaceIsBadUserInputBeforeTheServiceIsAsked() {
        graphQl.document("{ teamVariables(team: \"../acme\") { nodes { key } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));

        verifyNoInteractions(variables);
    }
}
