package io.pipelinesgateway.cache;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_BUILD;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket's 404 for a step's test report, test cases or log is an answer ("none"), and it is cached by the rule of
 * what it stands for: for a completed step it will never change, so it is asked once; for a running step the report
 * or log may still appear, so it is kept as live data is: briefly, longer while it stays missing, and never for the
 * step once completed. A configuration Bitbucket keeps none of yet (Pipelines never set up) is kept like a
 * configuration, until the change that sets it up.
 */
class AbsenceIsCachedLikeTheDataItStandsForTest extends CachingGatewayTest {

    private static final String REPORT = stepPath(PIPELINE_42, STEP_BUILD) + "/test_reports";
    private static final String CASES = REPORT + "/test_cases";
    private static final String LOG = stepPath(PIPELINE_42, STEP_BUILD) + "/log";
    private static final String STEP_QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { step(uuid: "%s") {
                status testReport { total } testCases(first: 5, statuses: [FAILED]) { nodes { name } }
                log { size } } } }
            """.formatted(PIPELINE_42, STEP_BUILD);

    private static final String PIPELINES_CONFIG = "/repositories/acme/api/pipelines_config";
    private static final String STEPS_QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { steps { status testReport { total } } } }
            """.formatted(PIPELINE_42);

    @DynamicPropertySource
    static void liveDataIsKeptBriefly(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.live", () -> "1500ms");
        registry.add("gateway.cache.live-stable-max", () -> "4s");
    }

    private void givenNoReportNoCasesAndNoLog() {
        given("pipeline-42.json");
        given("test-report-not-found.json");
        bitbucket.stubFor(WireMock.get(urlPathEqualTo(FakeBitbucket.api(CASES)))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.bytes("test-report-not-found.json"))));
        bitbucket.stubFor(WireMock.get(urlPathEqualTo(FakeBitbucket.api(LOG)))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.bytes("error-404.json"))));
    }

    @Test
    void aCompletedStepsMissingReportCasesAndLogAreAskedForOnceAndNeverAgain() throws InterruptedException {
        givenNoReportNoCasesAndNoLog();
        given("step-build.json");
        String credential = freshCredential();

        for (int view = 0; view < 3; view++) {
            graphQl(credential).document(STEP_QUERY).execute()
                    .path("pipeline.step.status").entity(String.class).isEqualTo("SUCCESSFUL")
                    .path("pipeline.step.testReport").valueIsNull()
                    .path("pipeline.step.testCases.nodes").entityList(Object.class).hasSize(0)
                    .path("pipeline.step.log.size").entity(Long.class).isEqualTo(0L);
            // Past the live TTL: only what is final is still cached.
            Thread.sleep(1600);
        }

        bitbucket.verify(exactly(1), getOf(REPORT));
        // No report, no cases: known from the report's absence without asking.
        bitbucket.verify(exactly(0), getOf(CASES));
        bitbucket.verify(exactly(1), getOf(LOG));
    }

    @Test
    void aRepositoryWherePipelinesWasNeverSetUpIsAskedOnceUntilPipelinesIsEnabledThroughTheGateway() {
        given("repository-api.json");
        given("pipelines-config-not-found.json");
        String credential = freshCredential();
        String query = """
                { repository(workspace: "acme", slug: "api") { pipelinesConfiguration { enabled } } }""";

        for (int view = 0; view < 3; view++) {
            graphQl(credential).document(query).execute()
                    .path("repository.pipelinesConfiguration.enabled").entity(Boolean.class).isEqualTo(false);
        }
        bitbucket.verify(exactly(1), getOf(PIPELINES_CONFIG));

        bitbucket.stubFor(WireMock.put(urlPathEqualTo(FakeBitbucket.api(PIPELINES_CONFIG)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.bytes("pipelines-config.json"))));
        given("pipelines-config.json");
        graphQl(credential).document("""
                        mutation { setPipelinesEnabled(input: {workspace: "acme", repository: "api", enabled: true}) {
                          pipelinesConfiguration { enabled } } }""").execute()
                .path("setPipelinesEnabled.pipelinesConfiguration.enabled").entity(Boolean.class).isEqualTo(true);
        graphQl(credential).document(query).execute()
                .path("repository.pipelinesConfiguration.enabled").entity(Boolean.class).isEqualTo(true);
        bitbucket.verify(exactly(2), getOf(PIPELINES_CONFIG));
    }

    @Test
    void aRedirectForACompletedStepsReportIsAnErrorAndNotAnAbsenceToKeep() {
        given("pipeline-42.json");
        given("step-build.json");
        bitbucket.stubFor(WireMock.get(urlPathEqualTo(FakeBitbucket.api(REPORT)))
                .willReturn(aResponse().withStatus(301).withHeader("Location", FakeBitbucket.baseUrl()
                        + REPORT.replace("/acme/api/", "/acme/api-v2/"))));
        String credential = freshCredential();
        String query = """
                { pipeline(workspace: "acme", repository: "api", uuid: "%s") { step(uuid: "%s") {
                    testReport { total } } } }
                """.formatted(PIPELINE_42, STEP_BUILD);

        for (int view = 0; view < 2; view++) {
            graphQl(credential).document(query).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")));
        }

        bitbucket.verify(exactly(2), getOf(REPORT));
    }

    @Test
    void aRunningStepsMissingReportAndLogAreKeptBrieflyAndAskedForAgainLater() throws InterruptedException {
        givenNoReportNoCasesAndNoLog();
        given("step-build-running.json");
        String credential = freshCredential();

        graphQl(credential).document(STEP_QUERY).execute().path("pipeline.step.testReport").valueIsNull();
        // Within the live TTL the absence is an answer too: a burst of views costs one call.
        graphQl(credential).document(STEP_QUERY).execute().path("pipeline.step.testReport").valueIsNull();
        bitbucket.verify(exactly(1), getOf(REPORT));

        Thread.sleep(1600);
        graphQl(credential).document(STEP_QUERY).execute().path("pipeline.step.testReport").valueIsNull();

        bitbucket.verify(exactly(2), getOf(REPORT));
        // Its cases are known absent with its report, each time.
        bitbucket.verify(exactly(0), getOf(CASES));
    }

    @Test
    void aRunningStepsMissingReportIsAskedLessOftenWhileItStaysMissingAndAtOnceWhenTheStepIsSeenCompleted()
            throws InterruptedException {
        givenNoReportNoCasesAndNoLog();
        given("step-build-running.json");
        String credential = freshCredential();

        // Like the running step itself, its absence is kept twice as long each time it is found still missing:
        // 1.5 s, then 3 s, so of four views 1.6 s apart the third is answered from the cache.
        for (int view = 0; view < 4; view++) {
            graphQl(credential).document(STEP_QUERY).execute().path("pipeline.step.testReport").valueIsNull();
            Thread.sleep(1600);
        }
        bitbucket.verify(exactly(3), getOf(REPORT));

        // The step completes with its report. A view that sees it completed (through the pipeline's steps, read for
        // the first time) asks for the report at once, though the running step's absence is still kept.
        given("steps-pipeline-42.json");
        bitbucket.stubFor(WireMock.get(urlPathEqualTo(FakeBitbucket.api(REPORT)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.bytes("test-report-summary.json"))));
        graphQl(credential).document(STEPS_QUERY).execute()
                .path("pipeline.steps[0].status").entity(String.class).isEqualTo("SUCCESSFUL")
                .path("pipeline.steps[0].testReport.total").entity(Integer.class).isEqualTo(4);
        bitbucket.verify(exactly(4), getOf(REPORT));
    }
}
