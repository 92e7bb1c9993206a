package io.pipelinesgateway.insights;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.pipelinesgateway.bitbucket.StateName;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineState;
import io.pipelinesgateway.pipeline.PipelineTarget;
import io.pipelinesgateway.repository.Repository;
import io.pipelinesgateway.step.Step;
import io.pipelinesgateway.step.StepKey;
import io.pipelinesgateway.testreport.TestCase;
import io.pipelinesgateway.testreport.TestCaseStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure of {@link InsightsCalculator} against values computed by hand from nine pipelines of two
 * repositories over one week: a test that failed and then passed on a rerun of the same commit (flaky), two
 * recoveries of acme/api's main, and web-app's main still failing at the window's end.
 */
class InsightsFromAFixedDataSetTest {

    private static final InsightsWindow WEEK = new InsightsWindow(OffsetDateTime.parse("2026-11-16T00:00:00Z"),
            OffsetDateTime.parse("2026-11-23T00:00:00Z"));
    private static final List<Repository> SCOPE = List.of(repository("api"), repository("web-app"));
    private static final String DEPLOY = "Deploy to production";

    private final List<MutableRun> runs = new ArrayList<>();

    InsightsFromAFixedDataSetTest() {
        // acme/api, main
        run("api", 1, "2026-11-16T10:00:00Z", 600, "SUCCESSFUL", "main", "aaa",
                step("build", "SUCCESSFUL"), step(DEPLOY, "SUCCESSFUL"));
        run("api", 2, "2026-11-17T10:00:00Z", 300, "FAILED", "main", "bbb",
                step("build", "FAILED"), step(DEPLOY, "NOT_RUN"))
                .testCases().addAll(List.of(test("com.acme.OrderTest.discount", "FAILED"),
                        test("com.acme.OrderTest.total", "SUCCESS")));
        run("api", 3, "2026-11-17T11:00:00Z", 1200, "SUCCESSFUL", "main", "bbb",
                step("build", "SUCCESSFUL"), step(DEPLOY, "SUCCESSFUL"))
                .testCases().addAll(List.of(test("com.acme.OrderTest.discount", "SUCCESS"),
                        test("com.acme.OrderTest.total", "SUCCESS")));
        run("api", 4, "2026-11-18T09:00:00Z", 900, "ERROR", "main", "ccc", step("build", "ERROR"));
        run("api", 5, "2026-11-18T12:00:00Z", 120, "FAILED", "main", "ddd",
                step("build", "SUCCESSFUL"), step(DEPLOY, "FAILED"));
        run("api", 6, "2026-11-19T08:00:00Z", 1800, "SUCCESSFUL", "main", "eee",
                step("build", "SUCCESSFUL"), step(DEPLOY, "SUCCESSFUL"));
        // acme/web-app
        run("web-app", 1, "2026-11-20T10:00:00Z", 60, "STOPPED", "main", "fff", step("build", "STOPPED"));
        run("web-app", 2, "2026-11-21T10:00:00Z", 180, "FAILED", "main", "ggg", step("build", "FAILED"));
        run("web-app", 3, "2026-11-22T10:00:00Z", 30, null, "feature/x", "hhh", step("build", null));
    }

    private Insights insights() {
        return InsightsCalculator.compute(WEEK, SCOPE, runs.stream().map(run -> new PipelineRun(run.pipeline(),
                run.steps(), run.testCases())).toList(), false);
    }

    @Test
    void countsRunsAndTheSuccessRateOfCompletedOnes() {
        Insights answer = insights();

        assertThat(answer.pipelinesCovered()).isEqualTo(9);
        assertThat(answer.completed()).isEqualTo(8);
        assertThat(answer.successful()).isEqualTo(3);
        assertThat(answer.successRate()).isEqualTo(0.375);
        assertThat(answer.failuresByResult()).containsExactly(new Insights.ResultCount("ERROR", 1),
                new Insights.ResultCount("FAILED", 3), new Insights.ResultCount("STOPPED", 1));
        assertThat(answer.window()).isEqualTo(WEEK);
        assertThat(answer.capped()).isFalse();
    }

    @Test
    void durationPercentilesAreNearestRankOverCompletedPipelines() {
        // No pipeline has Bitbucket's duration, so each one's wall-clock time is read:
        // 60, 120, 180, 300, 600, 900, 1200, 1800: ranks 4, 8 and 8.
        assertThat(insights().duration()).isEqualTo(new Insights.Durations(300L, 1800L, 1800L,
                InsightsCalculator.DURATION_RULE, 8));
    }

    @Test
    void durationPercentilesReadBitbucketsDurationWhereItSentOne() {
        // Bitbucket's build time is a tenth of the wall-clock time for all but api #6 (1800 s) and web-app #1 (60 s):
        // 12, 18, 30, 60, 60, 90, 120, 1800: ranks 4, 8 and 8.
        runs.replaceAll(run -> run.pipeline().buildNumber() == 6 && run.pipeline().repositorySlug().equals("api")
                || run.pipeline().repositorySlug().equals("web-app") && run.pipeline().buildNumber() == 1 ? run
                : run.withBuildDuration(run.pipeline().buildSecondsUsed() / 10));

        Insights.Durations durations = insights().duration();

        assertThat(durations).isEqualTo(new Insights.Durations(60L, 1800L, 1800L,
                InsightsCalculator.DURATION_RULE, 2));
        assertThat(durations.rule()).contains("duration_in_seconds").contains("wall-clock");
    }

    @Test
    void buildMinutesAddUpEveryCoveredPipelineRunningOnesIncluded() {
        // 600 + 300 + 1200 + 900 + 120 + 1800 + 60 + 180 + 30 = 5190 seconds.
        assertThat(insights().buildMinutes()).isEqualTo(86.5);
    }

    @Test
    void buildMinutesFallBackToBitbucketsDurationOfACompletedPipelineThatBilledNothing() {
        // api #1 sent no build_seconds_used, only its duration of 240 s: 5190 - 600 + 240 = 4830 seconds.
        runs.replaceAll(run -> run.pipeline().repositorySlug().equals("api") && run.pipeline().buildNumber() == 1
                ? run.withBuildDuration(240).withoutBuildSeconds() : run);

        assertThat(insights().buildMinutes()).isEqualTo(80.5);
    }

    @Test
    void theStepsThatFailMostComeFirst() {
        assertThat(insights().failingSteps()).containsExactly(new Insights.StepFailures("build", 3, 7),
                new Insights.StepFailures(DEPLOY, 1, 4));
    }

    @Test
    void aTestThatFailedAndPassedOnTheSameCommitIsFlaky() {
        assertThat(insights().flakyTests()).containsExactly(
                new Insights.FlakyTest("com.acme.OrderTest.discount", "acme/api", "bbb", 1, 1));
    }

    @Test
    void deploymentsAreStepsNamedDeployThatRan() {
        Insights.Deployments deployments = insights().deployments();

        assertThat(deployments.count()).isEqualTo(4);
        assertThat(deployments.failed()).isEqualTo(1);
        assertThat(deployments.changeFailureRate()).isEqualTo(0.25);
        assertThat(deployments.perDay()).isCloseTo(4 / 7.0, within(1e-9));
        assertThat(deployments.rule()).contains("deploy");
    }

    @Test
    void recoveryRunsFromTheFirstFailureToTheNextSuccessOnTheDefaultBranch() {
        // api: #2 failed 10:05, #3 succeeded 11:20 (4,500 s); #4 errored 11-18 09:15, #5 failed, #6 succeeded
        // 11-19 08:30 (83,700 s). web-app: stopped, then failed, not recovered.
        assertThat(insights().recovery()).isEqualTo(new Insights.Recovery(2, 44_100.0, 4_500L, 83_700L, 1));
    }

    private MutableRun run(String repository, int number, String created, int seconds, String result, String branch,
            String commit, Step... steps) {
        OffsetDateTime createdOn = OffsetDateTime.parse(created);
        PipelineState state = result == null
                ? new PipelineState(StateName.IN_PROGRESS, "RUNNING", null, null, "RUNNING", null)
                : new PipelineState(StateName.COMPLETED, null, result, null, null, result);
        Pipeline pipeline = new Pipeline("acme", repository, "{" + repository + "-" + number + "}", number, state,
                new PipelineTarget("REF", "BRANCH", branch, branch, new PipelineTarget.Commit(commit, commit, null),
                        null, null, "pipeline_ref_target", null, List.of()),
                null, null, createdOn, result == null ? null : createdOn.plusSeconds(seconds), seconds, List.of(),
                List.of(), "https://bitbucket.org", 1, null, false, false, List.of(), null);
        MutableRun run = new MutableRun(pipeline, List.of(steps), new ArrayList<>());
        runs.add(run);
        return run;
    }

    private static Step step(String name, String result) {
        return new Step(new StepKey("acme", "api", "{p}", "{" + name + "}"), name,
                new Step.State(result == null ? StateName.IN_PROGRESS : StateName.COMPLETED,
                        result == null ? null : Step.Result.valueOf(result), null, false), null,
                null, null, null, null, List.of(), List.of(), List.of(), null, 1, null, List.of());
    }

    private static TestCase test(String name, String status) {
        return new TestCase(null, "{" + name + "}", name, name, "com.acme", TestCaseStatus.valueOf(status), 1.0, false);
    }

    private static Repository repository(String slug) {
        return new Repository("acme", slug, null, slug, null, false, "main", null, null, null);
    }

    /** A run whose test cases are added after it is built. */
    private record MutableRun(Pipeline pipeline, List<Step> steps, List<TestCase> testCases) {

        /** The run with Bitbucket's own duration of the pipeline set. */
        MutableRun withBuildDuration(Integer seconds) {
            Pipeline p = pipeline;
            return new MutableRun(new Pipeline(p.workspace(), p.repositorySlug(), p.uuid(), p.buildNumber(),
                    p.state(), p.target(), p.trigger(), p.creator(), p.createdOn(), p.completedOn(),
                    p.buildSecondsUsed(), p.variables(), p.configurationSources(), p.webUrl(), p.runNumber(),
                    seconds, p.expired(), p.firstSuccessful(), p.labels(), p.stoppedBy()), steps, testCases);
        }

        /** The run without the build seconds Bitbucket bills. */
        MutableRun withoutBuildSeconds() {
            Pipeline p = pipeline;
            return new MutableRun(new Pipeline(p.workspace(), p.repositorySlug(), p.uuid(), p.buildNumber(),
                    p.state(), p.target(), p.trigger(), p.creator(), p.createdOn(), p.completedOn(), null,
                    p.variables(), p.configurationSources(), p.webUrl(), p.runNumber(), p.buildDurationSeconds(),
                    p.expired(), p.firstSuccessful(), p.labels(), p.stoppedBy()), steps, testCases);
        }
    }
}
