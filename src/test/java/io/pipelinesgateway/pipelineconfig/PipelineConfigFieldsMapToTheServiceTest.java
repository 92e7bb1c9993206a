package io.pipelinesgateway.pipelineconfig;

import java.util.List;

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

import static io.pipelinesgateway.support.RepositoryEntryPoint.API;
import static io.pipelinesgateway.support.RepositoryEntryPoint.REPOSITORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@code PipelineConfigController} alone: a repository's configuration is the service's answer for its key, and
 * {@code setPipelinesEnabled}'s input reaches the service as its input record; a failure is coded and local.
 */
@ControllerSliceTest
@Import({PipelineConfigController.class, RepositoryEntryPoint.class})
class PipelineConfigFieldsMapToTheServiceTest {

    @Autowired
    private GraphQlTester graphQl;

    @MockitoBean
    private PipelineConfigService config;

    @MockitoBean
    private RepositoryService repositories;

    @Test
    void aRepositorysConfigurationIsReadByItsKey() {
        when(config.configuration(any())).thenReturn(Mono.just(new PipelinesConfiguration(true)));

        graphQl.document(REPOSITORY.replace("FIELDS", "pipelinesConfiguration { enabled }")).execute()
                .path("repository.pipelinesConfiguration.enabled").entity(Boolean.class).isEqualTo(true);

        verify(config).configuration(API);
    }

    @Test
    void setPipelinesEnabledHandsTheServiceItsInput() {
        when(config.setEnabled(any())).thenReturn(Mono.just(new ConfigPayloads.Enabled(
                new PipelinesConfiguration(false), List.of())));

        graphQl.document("""
                        mutation { setPipelinesEnabled(input: {workspace: "acme", repository: "api", enabled: false}) {
                            pipelinesConfiguration { enabled } userErrors { message } } }
                        """)
                .execute()
                .path("setPipelinesEnabled.pipelinesConfiguration.enabled").entity(Boolean.class).isEqualTo(false);

        verify(config).setEnabled(new ConfigInputs.SetEnabled("acme", "api", false));
    }

    @Test
    void aFailureOfTheReadIsCodedAndLeavesTheRepository() {
        when(config.configuration(any())).thenReturn(Mono.error(new GatewayException(ErrorCode.FORBIDDEN,
                "The credential cannot read the configuration.")));

        graphQl.document(REPOSITORY.replace("FIELDS", "name pipelinesConfiguration { enabled }")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getPath()).isEqualTo("repository.pipelinesConfiguration");
                    assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
                }))
                .path("repository.name").entity(String.class).isEqualTo("API");
    }
}
