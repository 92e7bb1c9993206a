package io.pipelinesgateway.insights;

import java.util.List;

import io.pipelinesgateway.feed.FeedSlice;
import io.pipelinesgateway.feed.PipelineFilter;
import io.pipelinesgateway.support.ControllerSliceTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@code InsightsController} alone: no filter and no window reach the service as the empty ones, and
 * {@code failingSteps} takes the first of the service's answer, a negative count being BAD_USER_INPUT.
 */
@ControllerSliceTest
@Import(InsightsController.class)
class InsightsFieldsMapToTheServiceTest {

    private static final Insights ANSWER = new Insights(new InsightsWindow(null, null), 10, false, 8, 6, 0.75,
            List.of(), null, 0, List.of(new Insights.StepFailures("build", 3, 8),
                    new Insights.StepFailures("test", 2, 8)), List.of(), null, null);

    @Autowired
    private GraphQlTester graphQl;

    @MockitoBean
    private InsightsService insights;

    @Test
    void failingStepsAreTheFirstOfTheServicesAnswer() {
        when(insights.insights(any(), any())).thenReturn(Mono.just(new InsightsService.Answer(ANSWER,
                new FeedSlice(List.of(), List.of(), false, false, List.of(), List.of()))));

        graphQl.document("{ insights { pipelinesCovered failingSteps(first: 1) { name } } }").execute()
                .path("insights.pipelinesCovered").entity(Integer.class).isEqualTo(10)
                .path("insights.failingSteps[*].name").entityList(String.class).containsExactly("build");

        verify(insights).insights(PipelineFilter.none(), new InsightsWindow(null, null));
    }

    @Test
    void aNegativeCountOfFailingStepsIsBadUserInput() {
        when(insights.insights(any(), any())).thenReturn(Mono.just(new InsightsService.Answer(ANSWER,
                new FeedSlice(List.of(), List.of(), false, false, List.of(), List.of()))));

        graphQl.document("{ insights { failingSteps(first: -1) { name } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
    }
}
