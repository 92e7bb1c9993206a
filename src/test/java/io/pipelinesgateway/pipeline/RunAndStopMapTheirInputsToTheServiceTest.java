package io.pipelinesgateway.pipeline;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.support.ControllerSliceTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.SliceUpstream.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@code PipelineRunController} alone: {@code stopPipeline}'s input reaches the service as its input record, whose
 * pipeline ID reads as the key of the pipeline it names; the payload (pipeline or user errors) and failures (coded)
 * go back as the schema shows them.
 */
@ControllerSliceTest
@Import(PipelineRunController.class)
class RunAndStopMapTheirInputsToTheServiceTest {

    private static final PipelineKey KEY_42 = new PipelineKey("acme", "api", PIPELINE_42);

    @Autowired
    private GraphQlTester graphQl;

    @MockitoBean
    private PipelineRunService runs;

    @Test
    void stopPipelineHandsTheServiceTheInputWhoseIdNamesThePipeline() {
        Pipeline stopped = Pipeline.from(KEY_42, payload("pipeline-42.json", BitbucketPipeline.class),
                "https://bitbucket.org");
        when(runs.stop(any())).thenReturn(Mono.just(new PipelinePayload(stopped, List.of())));

        graphQl.document("mutation($id: ID!) { stopPipeline(input: {id: $id}) { pipeline { buildNumber } } }")
                .variable("id", stopped.id())
                .execute()
                .path("stopPipeline.pipeline.buildNumber").entity(Integer.class).isEqualTo(42);

        verify(runs).stop(new RunInputs.Stop(stopped.id()));
        assertThat(new RunInputs.Stop(stopped.id()).pipelineKey()).isEqualTo(KEY_42);
    }

    @Test
    void aRefusalIsAUserErrorOnItsField() {
        when(runs.stop(any())).thenReturn(Mono.just(new PipelinePayload(null,
                List.of(new UserError(List.of("input", "id"), "The pipeline has already completed.")))));

        graphQl.document("""
                        mutation { stopPipeline(input: {id: "x"}) { pipeline { uuid } userErrors { field message } } }
                        """)
                .execute()
                .path("stopPipeline.pipeline").valueIsNull()
                .path("stopPipeline.userErrors[0].field").entityList(String.class).containsExactly("input", "id");
    }

    @Test
    void aFailureCarriesItsCode() {
        when(runs.stop(any())).thenReturn(Mono.error(new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE,
                "Bitbucket did not answer.")));

        graphQl.document("mutation { stopPipeline(input: {id: \"x\"}) { pipeline { uuid } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "UPSTREAM_UNAVAILABLE")));
    }
}
