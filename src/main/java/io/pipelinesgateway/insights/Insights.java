package io.pipelinesgateway.insights;

import java.util.List;

/**
 * The delivery figures of a set of pipelines, as the schema's {@code PipelineInsights}: what a portal shows about a
 * workspace, a repository or a branch, computed from the same cached data the other fields read.
 *
 * @param failingSteps every step name that failed at least once, most failures first
 * @param capped whether the window held more pipelines than were covered ({@code gateway.insights.max-pipelines},
 *               or a repository read to {@code gateway.bitbucket.max-pages} pages), so the figures are those of
 *               the newest ones
 */
public record Insights(InsightsWindow window, int pipelinesCovered, boolean capped, int completed, int successful,
        Double successRate, List<ResultCount> failuresByResult, Durations duration, double buildMinutes,
        List<StepFailures> failingSteps, List<FlakyTest> flakyTests, Deployments deployments, Recovery recovery) {

    /** How many completed pipelines ended with one result. */
    public record ResultCount(String result, int count) {
    }

    /**
     * Percentiles of completed pipelines' durations in seconds (nearest rank); null without any.
     *
     * @param rule              which duration of a pipeline the percentiles read
     * @param wallClockFallbacks how many pipelines had no duration from Bitbucket, so their wall-clock time was used
     */
    public record Durations(Long p50, Long p90, Long p95, String rule, int wallClockFallbacks) {
    }

    /** A step name, how often steps of that name failed (FAILED or ERROR), and how often they ran. */
    public record StepFailures(String name, int failures, int runs) {
    }

    /** A test case that both failed and passed on one commit of one repository. */
    public record FlakyTest(String name, String repository, String commit, int failures, int passes) {
    }

    /**
     * Deployments by the rule the gateway applies: a step whose name contains "deploy" (any case) that ran, i.e.
     * completed SUCCESSFUL, FAILED or ERROR.
     */
    public record Deployments(String rule, int count, double perDay, int failed, Double changeFailureRate) {
    }

    /**
     * Time to recovery of each repository's default branch: from the first failure (FAILED or ERROR) after a
     * success, or after the window's start, to the completion of the next successful pipeline on the branch.
     */
    public record Recovery(int recoveries, Double meanSeconds, Long medianSeconds, Long maxSeconds,
            int stillFailing) {
    }
}
