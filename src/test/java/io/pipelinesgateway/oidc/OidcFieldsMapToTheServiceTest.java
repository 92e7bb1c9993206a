package io.pipelinesgateway.oidc;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketJwk;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
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
 * {@code OidcController} alone: a workspace's OIDC configuration and its keys are the service's answers for that
 * workspace, and a failure to read the keys is coded and leaves the configuration.
 */
@ControllerSliceTest
@Import({OidcController.class, RepositoryEntryPoint.class})
class OidcFieldsMapToTheServiceTest {

    private static final OidcConfiguration ACME = new OidcConfiguration("acme",
            "https://api.bitbucket.org/2.0/workspaces/acme/pipelines-config/identity/oidc", null, List.of(),
            List.of(), List.of("RS256"), List.of());

    @Autowired
    private GraphQlTester graphQl;

    @MockitoBean
    private OidcService oidc;

    @MockitoBean
    private RepositoryService repositories;

    @Test
    void aWorkspacesConfigurationAndKeysAreReadForThatWorkspace() {
        when(oidc.configuration(any())).thenReturn(Mono.just(ACME));
        when(oidc.keys(any())).thenReturn(Mono.just(List.of(new BitbucketJwk("k1", "RSA", "RS256", "sig", "n", "e"))));

        graphQl.document(REPOSITORY.replace("FIELDS", "workspace { oidc { issuer keys { kid } } }")).execute()
                .path("repository.workspace.oidc.issuer").entity(String.class).isEqualTo(ACME.issuer())
                .path("repository.workspace.oidc.keys[0].kid").entity(String.class).isEqualTo("k1");

        verify(oidc).configuration("acme");
        verify(oidc).keys("acme");
    }

    @Test
    void aFailureToReadTheKeysIsCodedAndLeavesTheConfiguration() {
        when(oidc.configuration(any())).thenReturn(Mono.just(ACME));
        when(oidc.keys(any())).thenReturn(Mono.error(new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE,
                "Bitbucket did not answer.")));

        graphQl.document(REPOSITORY.replace("FIELDS", "workspace { oidc { issuer keys { kid } } }")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getPath()).isEqualTo("repository.workspace.oidc.keys");
                    assertThat(error.getExtensions()).containsEntry("code", "UPSTREAM_UNAVAILABLE");
                }))
                .path("repository.workspace.oidc.issuer").entity(String.class).isEqualTo(ACME.issuer());
    }
}
