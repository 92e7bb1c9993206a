package io.pipelinesgateway.insights;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.pipelinesgateway.bitbucket.BitbucketProperties;
import io.pipelinesgateway.feed.FeedService;
import io.pipelinesgateway.feed.FeedSlice;
import io.pipelinesgateway.feed.PipelineFilter;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineStatus;
import io.pipelinesgateway.step.StepService;
import io.pipelinesgateway.step.StepsRequest;
import io.pipelinesgateway.testreport.TestReportService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads what {@link InsightsCalculator} needs, through the same cached client the other fields use: the window's
 * newest pipelines by the feed's merge (at most {@code gateway.insights.max-pipelines}), each one's steps, and test
 * cases only where a flaky test can show: on commits built more than once in the window, at least once not
 * successfully. Reads fan out all at once (the calls they make are bounded by {@code gateway.bitbucket.max-in-flight}).
 */
@Service
public class InsightsService {

    private final FeedService feed;
    private final StepService steps;
    private final TestReportService testReports;
    private final InsightsProperties properties;

    InsightsService(FeedService feed, StepService steps, TestReportService testReports,
            InsightsProperties properties) {
        this.feed = feed;
        this.steps = steps;
        this.testReports = testReports;
        this.properties = properties;
    }

    /** An answer, and the feed slice it covers (which names the repositories it could not read). */
    record Answer(Insights insights, FeedSlice slice) {
    }

    Mono<Answer> insights(PipelineFilter filter, InsightsWindow asked) {
        InsightsWindow window = asked.resolve(OffsetDateTime.now(), properties.defaultDays());
        // The window starts inclusively; the filter's lower bound is exclusive.
        PipelineFilter inWindow = filter.createdBetween(window.from().minusNanos(1), window.to());
        return feed.newest(inWindow, properties.maxPipelines()).flatMap(slice -> {
            Set<List<String>> flakyCandidates = flakyCandidates(slice.pipelines());
            return Flux.fromIterable(slice.pipelines())
                    .flatMap(pipeline -> run(pipeline, flakyCandidates.contains(commitOf(pipeline))),
                            BitbucketProperties.FAN_OUT)
                    .collectList()
                    .map(runs -> new Answer(InsightsCalculator.compute(window, slice.scope(), runs, capped(slice)),
                            slice));
        });
    }

    private static boolean capped(FeedSlice slice) {
        return slice.hasMore() || slice.truncated();
    }

    private Mono<PipelineRun> run(Pipeline pipeline, boolean readTests) {
        return steps.steps(StepsRequest.of(pipeline)).flatMap(pipelineSteps -> {
            if (!readTests) {
                return Mono.just(new PipelineRun(pipeline, pipelineSteps, List.of()));
            }
            return Flux.fromIterable(pipelineSteps).filter(step -> step.completedOn() != null)
                    .flatMap(step -> testReports.testCases(step.key(), step.isTerminal()), BitbucketProperties.FAN_OUT)
                    .flatMapIterable(cases -> cases)
                    .collectList()
                    .map(cases -> new PipelineRun(pipeline, pipelineSteps, cases));
        });
    }

    /** Commits (by repository) built more than once, at least once without success: only these can show flakes. */
    private static Set<List<String>> flakyCandidates(List<Pipeline> pipelines) {
        Map<List<String>, List<Pipeline>> byCommit = pipelines.stream().filter(p -> commitOf(p) != null)
                .collect(Collectors.groupingBy(InsightsService::commitOf));
        return byCommit.entrySet().stream()
                .filter(e -> e.getValue().size() > 1 && e.getValue().stream().anyMatch(
                        p -> p.isTerminal() && p.status() != PipelineStatus.SUCCESSFUL))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static List<String> commitOf(Pipeline pipeline) {
        return pipeline.target() == null || pipeline.target().commit() == null ? null
                : List.of(pipeline.workspace(), pipeline.repositorySlug(), pipeline.target().commit().hash());
    }
}
