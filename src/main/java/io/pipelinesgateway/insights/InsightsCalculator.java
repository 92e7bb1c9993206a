package io.pipelinesgateway.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import io.pipelinesgateway.graphql.IntSeconds;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineStatus;
import io.pipelinesgateway.repository.Repository;
import io.pipelinesgateway.step.Step;
import io.pipelinesgateway.testreport.TestCase;
import io.pipelinesgateway.testreport.TestCaseStatus;

/**
 * Computes {@link Insights} from pipelines already read: no I/O here, so every figure can be checked by hand
 * against a fixed data set.
 */
final class InsightsCalculator {

    static final String DEPLOYMENT_RULE = "a step whose name contains \"deploy\" (any case) that completed "
            + "SUCCESSFUL, FAILED or ERROR; it failed when it completed FAILED or ERROR";

    static final String DURATION_RULE = "Bitbucket's duration of each completed pipeline (duration_in_seconds, "
            + "its build time), or, where Bitbucket sent none, the wall-clock time from creation to completion";

    private static final Set<String> FAILURES = Set.of("FAILED", "ERROR");
    private static final Set<String> RAN = Set.of("SUCCESSFUL", "FAILED", "ERROR");

    private InsightsCalculator() {
    }

    static Insights compute(InsightsWindow window, List<Repository> scope, List<PipelineRun> runs, boolean capped) {
        List<Pipeline> completed = runs.stream().map(PipelineRun::pipeline).filter(Pipeline::isTerminal).toList();
        int successful = (int) completed.stream().filter(p -> p.status() == PipelineStatus.SUCCESSFUL).count();
        Map<String, Integer> byResult = new TreeMap<>();
        completed.stream().filter(p -> p.status() != PipelineStatus.SUCCESSFUL)
                .forEach(p -> byResult.merge(p.status().name(), 1, Integer::sum));
        List<Long> durations = completed.stream().map(InsightsCalculator::duration).filter(Objects::nonNull)
                .map(Integer::longValue).sorted().toList();
        int wallClock = (int) completed.stream()
                .filter(p -> p.buildDurationSeconds() == null && p.wallClockSeconds() != null).count();
        double buildSeconds = runs.stream().map(run -> buildSeconds(run.pipeline())).filter(Objects::nonNull)
                .mapToLong(Integer::longValue).sum();
        return new Insights(window, runs.size(), capped, completed.size(), successful,
                completed.isEmpty() ? null : successful / (double) completed.size(),
                byResult.entrySet().stream().map(e -> new Insights.ResultCount(e.getKey(), e.getValue())).toList(),
                new Insights.Durations(percentile(durations, 50), percentile(durations, 90),
                        percentile(durations, 95), DURATION_RULE, wallClock),
                buildSeconds / 60.0, failingSteps(runs), flakyTests(runs),
                deployments(runs, window), recovery(scope, runs));
    }

    /** A completed pipeline's duration: Bitbucket's own where it sent one, else its wall-clock time. */
    private static Integer duration(Pipeline pipeline) {
        return pipeline.buildDurationSeconds() != null ? pipeline.buildDurationSeconds() : pipeline.wallClockSeconds();
    }

    /** The build seconds Bitbucket bills, or, where it sent none, its duration of a completed pipeline. */
    private static Integer buildSeconds(Pipeline pipeline) {
        if (pipeline.buildSecondsUsed() != null) {
            return pipeline.buildSecondsUsed();
        }
        return pipeline.isTerminal() ? pipeline.buildDurationSeconds() : null;
    }

    /** The nearest-rank percentile: the smallest value with at least {@code percent} % of values at or below it. */
    static Long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** A step's result, or "" while it has none (Set.of refuses to look up null). */
    private static String resultOf(Step step) {
        return step.state() == null || step.state().result() == null ? "" : step.state().result().name();
    }

    private static List<Insights.StepFailures> failingSteps(List<PipelineRun> runs) {
        Map<String, int[]> byName = new LinkedHashMap<>();
        runs.stream().flatMap(run -> run.steps().stream()).filter(step -> RAN.contains(resultOf(step)))
                .forEach(step -> {
                    int[] counts = byName.computeIfAbsent(String.valueOf(step.name()), any -> new int[2]);
                    counts[0] += FAILURES.contains(resultOf(step)) ? 1 : 0;
                    counts[1]++;
                });
        return byName.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .map(e -> new Insights.StepFailures(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(Insights.StepFailures::failures).reversed()
                        .thenComparing(Insights.StepFailures::name))
                .toList();
    }

    private static List<Insights.FlakyTest> flakyTests(List<PipelineRun> runs) {
        // Keyed by repository, commit and test: the same test failing and passing on one commit is flaky.
        Map<List<String>, int[]> outcomes = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0))
                .thenComparing(key -> key.get(1)).thenComparing(key -> key.get(2)));
        for (PipelineRun run : runs) {
            Pipeline pipeline = run.pipeline();
            if (pipeline.target() == null || pipeline.target().commit() == null) {
                continue;
            }
            String repository = pipeline.workspace() + "/" + pipeline.repositorySlug();
            for (TestCase testCase : run.testCases()) {
                String name = testCase.fullyQualifiedName() != null ? testCase.fullyQualifiedName() : testCase.name();
                int[] counts = outcomes.computeIfAbsent(
                        List.of(repository, pipeline.target().commit().hash(), String.valueOf(name)),
                        any -> new int[2]);
                if (testCase.status().failure()) {
                    counts[0]++;
                }
                else if (testCase.status() == TestCaseStatus.SUCCESS) {
                    counts[1]++;
                }
            }
        }
        return outcomes.entrySet().stream().filter(e -> e.getValue()[0] > 0 && e.getValue()[1] > 0)
                .map(e -> new Insights.FlakyTest(e.getKey().get(2), e.getKey().get(0), e.getKey().get(1),
                        e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private static Insights.Deployments deployments(List<PipelineRun> runs, InsightsWindow window) {
        List<Step> deploySteps = runs.stream().flatMap(run -> run.steps().stream())
                .filter(step -> step.name() != null && step.name().toLowerCase(Locale.ROOT).contains("deploy"))
                .filter(step -> RAN.contains(resultOf(step)))
                .toList();
        int failed = (int) deploySteps.stream().filter(step -> FAILURES.contains(resultOf(step))).count();
        return new Insights.Deployments(DEPLOYMENT_RULE, deploySteps.size(), deploySteps.size() / window.days(),
                failed, deploySteps.isEmpty() ? null : failed / (double) deploySteps.size());
    }

    private static Insights.Recovery recovery(List<Repository> scope, List<PipelineRun> runs) {
        List<Long> recoveries = new ArrayList<>();
        int stillFailing = 0;
        for (Repository repository : scope) {
            if (repository.mainBranch() == null) {
                continue;
            }
            List<Pipeline> onDefault = runs.stream().map(PipelineRun::pipeline)
                    .filter(p -> p.workspace().equals(repository.workspaceSlug())
                            && p.repositorySlug().equals(repository.slug()))
                    .filter(p -> p.isTerminal() && p.completedOn() != null && p.target() != null
                            && repository.mainBranch().equals(p.target().branch()))
                    .sorted(Comparator.comparing(Pipeline::completedOn))
                    .toList();
            Pipeline firstFailure = null;
            for (Pipeline pipeline : onDefault) {
                if (FAILURES.contains(pipeline.status().name())) {
                    firstFailure = firstFailure == null ? pipeline : firstFailure;
                }
                else if (pipeline.status() == PipelineStatus.SUCCESSFUL && firstFailure != null) {
                    recoveries.add((long) IntSeconds.between(firstFailure.completedOn(), pipeline.completedOn()));
                    firstFailure = null;
                }
            }
            stillFailing += firstFailure == null ? 0 : 1;
        }
        List<Long> sorted = recoveries.stream().sorted().toList();
        return new Insights.Recovery(sorted.size(),
                sorted.isEmpty() ? null : sorted.stream().mapToLong(Long::longValue).average().orElseThrow(),
                percentile(sorted, 50), sorted.isEmpty() ? null : sorted.get(sorted.size() - 1), stillFailing);
    }
}
