package io.pipelinesgateway.step;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketStep;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineKey;
import io.pipelinesgateway.support.ControllerSliceTest;
import io.pipelinesgateway.support.PipelineAndStepControllers;
import io.pipelinesgateway.support.SliceUpstream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_BUILD;
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static io.pipelinesgateway.support.SliceUpstream.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@code StepController}, with {@code PipelineController} for its entry point: a pipeline's steps and one step read
 * through the DataLoaders of their value types, a step's pipeline through the pipelines' loader, and a log's fields
 * through the step service (a test double here; the Range reads it makes are the full-server tests').
 */
@ControllerSliceTest
@Import({PipelineAndStepControllers.class, StepFieldsResolveThroughTheirDataLoadersTest.Upstream.class})
class StepFieldsResolveThroughTheirDataLoadersTest {

    private static final PipelineKey KEY_42 = new PipelineKey("acme", "api", PIPELINE_42);
    /** Pipeline 42 has completed: its steps are asked for without a wait. */
    private static final StepsRequest STEPS_42 = new StepsRequest(KEY_42, null);
    private static final StepKey BUILD = new StepKey("acme", "api", PIPELINE_42, STEP_BUILD);
    private static final StepKey TEST = new StepKey("acme", "api", PIPELINE_42, STEP_TEST);

    @Autowired
    private GraphQlTester graphQl;

    @Autowired
    private SliceUpstream upstream;

    @MockitoBean
    private StepService steps;

    @TestConfiguration
    static class Upstream {

        @Bean
        SliceUpstream sliceUpstream(Loaders loaders) {
            Step build = Step.from(BUILD, payload("step-build.json", BitbucketStep.class));
            Step test = Step.from(TEST, payload("step-integration-tests.json", BitbucketStep.class));
            return new SliceUpstream(loaders)
                    .serves(PipelineKey.class, Pipeline.class, Map.of(KEY_42, Pipeline.from(KEY_42,
                            payload("pipeline-42.json", BitbucketPipeline.class), "https://bitbucket.org")))
                    .serves(StepsRequest.class, PipelineSteps.class, Map.of(STEPS_42,
                            new PipelineSteps(List.of(build, test))))
                    .serves(StepKey.class, Step.class, Map.of(BUILD, build, TEST, test));
        }
    }

    @BeforeEach
    void forgetEarlierLoads() {
        upstream.reset();
    }

    @Test
    void aPipelinesStepsAreOneLoadAndTheirPipelineIsReadOnceWithTheRest() {
        graphQl.document("""
                        {
                          pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                            steps { uuid pipeline { buildNumber } }
                          }
                        }
                        """.formatted(PIPELINE_42))
                .execute()
                .path("pipeline.steps[*].uuid").entityList(String.class).containsExactly(STEP_BUILD, STEP_TEST)
                .path("pipeline.steps[1].pipeline.buildNumber").entity(Integer.class).isEqualTo(42);

        assertThat(upstream.asked(PipelineSteps.class)).containsExactly(STEPS_42);
        assertThat(upstream.asked(Pipeline.class)).containsExactly(KEY_42);
    }

    @Test
    void aStepNamedWithoutBracesIsLoadedByItsBracedUuid() {
        graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "%s") { step(uuid: "%s") { name } } }
                        """.formatted(PIPELINE_42, STEP_TEST.substring(1, STEP_TEST.length() - 1)))
                .execute()
                .path("pipeline.step.name").entity(String.class).isEqualTo("Integration tests");

        assertThat(upstream.asked(Step.class)).containsExactly(TEST);
    }

    @Test
    void aStepUuidThatIsNoUuidIsBadUserInputBeforeAnyLoad() {
        graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "%s") { step(uuid: "latest") { name } } }
                        """.formatted(PIPELINE_42))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getPath()).isEqualTo("pipeline.step");
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                }));

        assertThat(upstream.asked(Step.class)).isEmpty();
    }

    @Test
    void aLogsSizeIsTheStepServicesAnswerForThatStepsLog() {
        when(steps.size(any())).thenReturn(Mono.just(1234L));

        graphQl.document("""
                        {
                          pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                            step(uuid: "%s") { log { size } }
                          }
                        }
                        """.formatted(PIPELINE_42, STEP_TEST))
                .execute()
                .path("pipeline.step.log.size").entity(Long.class).isEqualTo(1234L);

        verify(steps).size(new StepLog(TEST, null, true, true));
        verify(steps, never()).range(any(), anyInt(), any());
    }
}
