package io.pipelinesgateway.insights;

import java.util.List;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.feed.PipelineFilter;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code Query.insights} and the one argument-taking field of its answer. */
@Controller
class InsightsController {

    private final InsightsService insights;

    InsightsController(InsightsService insights) {
        this.insights = insights;
    }

    @QueryMapping
    Mono<DataFetcherResult<Insights>> insights(@Argument PipelineFilter filter, @Argument InsightsWindow window,
            DataFetchingEnvironment environment) {
        return insights.insights(filter == null ? PipelineFilter.none() : filter,
                        window == null ? new InsightsWindow(null, null) : window)
                // A repository whose pipelines could not be read is left out, and named in an error.
                .map(answer -> DataFetcherResult.<Insights>newResult().data(answer.insights())
                        .errors(answer.slice().errors(environment)).build());
    }

    @SchemaMapping(typeName = "PipelineInsights")
    List<Insights.StepFailures> failingSteps(Insights answer, @Argument int first) {
        if (first < 0) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT, "'first' must not be negative; it was " + first + ".");
        }
        return answer.failingSteps().stream().limit(first).toList();
    }
}
