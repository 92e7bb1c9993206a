package io.pipelinesgateway.testreport;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;
import io.pipelinesgateway.bitbucket.BitbucketStep;
import io.pipelinesgateway.bitbucket.BitbucketTestCase;
import io.pipelinesgateway.bitbucket.BitbucketTestCaseReason;
import io.pipelinesgateway.bitbucket.BitbucketTestReport;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineKey;
import io.pipelinesgateway.step.Step;
import io.pipelinesgateway.step.StepKey;
import io.pipelinesgateway.step.StepService;
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
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static io.pipelinesgateway.support.Fixtures.TEST_CASE_ERROR;
import static io.pipelinesgateway.support.Fixtures.TEST_CASE_FAILED;
import static io.pipelinesgateway.support.SliceUpstream.payload;
import static io.pipelinesgateway.support.SliceUpstream.payloadValues;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code TestReportController} alone below a step: the report, a page of cases and each case's reasons read through
 * the DataLoaders of their value types, keyed by what the fields' arguments and the step say; reasons only where a
 * case failed, each case's failure its own.
 */
@ControllerSliceTest
@MockitoBean(types = StepService.class)
@Import({TestReportController.class, PipelineAndStepControllers.class,
        TestReportFieldsResolveThroughTheirDataLoadersTest.Upstream.class})
class TestReportFieldsResolveThroughTheirDataLoadersTest {

    private static final PipelineKey KEY_42 = new PipelineKey("acme", "api", PIPELINE_42);
    private static final StepKey TEST = new StepKey("acme", "api", PIPELINE_42, STEP_TEST);

    private static final String STEP = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { step(uuid: "%s") { FIELDS } } }
            """.formatted(PIPELINE_42, STEP_TEST);

    @Autowired
    private GraphQlTester graphQl;

    @Autowired
    private SliceUpstream upstream;

    @TestConfiguration
    static class Upstream {

        @Bean
        SliceUpstream sliceUpstream(Loaders loaders) {
            List<TestCase> cases = payloadValues("test-cases.json", BitbucketTestCase.class).stream()
                    .map(testCase -> TestCase.from(TEST, testCase)).toList();
            return new SliceUpstream(loaders)
                    .serves(PipelineKey.class, Pipeline.class, Map.of(KEY_42, Pipeline.from(KEY_42,
                            payload("pipeline-42.json", BitbucketPipeline.class), "https://bitbucket.org")))
                    .serves(StepKey.class, Step.class, Map.of(TEST,
                            Step.from(TEST, payload("step-integration-tests.json", BitbucketStep.class))))
                    .serves(TestReportRequest.class, TestReport.class, request -> Mono.just(
                            TestReport.from(payload("test-report-summary.json", BitbucketTestReport.class))))
                    .serves(TestCasesRequest.class, TestCasePage.class, request -> Mono.just(new TestCasePage(
                            Connection.ofList(cases, request.page()))))
                    // The failed case has reasons; the errored one's read fails, NOT_FOUND.
                    .serves(TestCaseKey.class, TestCaseReasons.class, Map.of(new TestCaseKey(TEST, TEST_CASE_FAILED),
                            new TestCaseReasons(payloadValues("test-case-reasons.json",
                                    BitbucketTestCaseReason.class))));
        }
    }

    @BeforeEach
    void forgetEarlierLoads() {
        upstream.reset();
    }

    @Test
    void aCompletedStepsReportIsLoadedOnceAsSettled() {
        graphQl.document(STEP.replace("FIELDS", "testReport { total failed } again: testReport { total }"))
                .execute()
                .path("pipeline.step.testReport.total").entity(Integer.class).satisfies(total ->
                        assertThat(total).isPositive());

        assertThat(upstream.asked(TestReport.class)).containsExactly(new TestReportRequest(TEST, true));
    }

    @Test
    void testCasesPassTheirArgumentsToTheirLoaderAndReadReasonsOnlyOfFailuresEachOnItsOwn() {
        GraphQlTester.Response response = graphQl.document(STEP.replace("FIELDS", """
                        testCases(first: 10, statuses: [FAILED, ERROR]) { nodes { uuid status reasons { message } } }
                        """)).execute();

        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
            assertThat(error.getPath()).startsWith("pipeline.step.testCases.nodes[").endsWith("].reasons");
        }));
        Map<String, String> statuses = response.path("pipeline.step.testCases.nodes").entityList(Map.class).get()
                .stream()
                .collect(Collectors.toMap(node -> (String) node.get("uuid"), node -> (String) node.get("status")));
        assertThat(statuses).containsEntry(TEST_CASE_FAILED, "FAILED").containsEntry(TEST_CASE_ERROR, "ERROR");
        response.path("pipeline.step.testCases.nodes[1].reasons[0].message").entity(String.class)
                .isEqualTo("expected: <401> but was: <200>");

        assertThat(upstream.asked(TestCasePage.class)).singleElement().satisfies(key -> {
            TestCasesRequest request = (TestCasesRequest) key;
            assertThat(request.step()).isEqualTo(TEST);
            assertThat(request.stepCompleted()).isTrue();
            assertThat(request.statuses()).containsExactly(TestCaseStatus.FAILED, TestCaseStatus.ERROR);
            assertThat(request.page().first()).isEqualTo(10);
        });
        assertThat(upstream.asked(TestCaseReasons.class)).containsExactlyInAnyOrder(
                new TestCaseKey(TEST, TEST_CASE_FAILED), new TestCaseKey(TEST, TEST_CASE_ERROR));
    }

    @Test
    void aPageOfTestCasesBeyondTheCapIsRefusedOnItsOwnPathWithItsCodeAndLoadsNothing() {
        GraphQlTester.Response response = graphQl.document(STEP.replace("FIELDS", """
                        name testCases(first: 101) { totalCount }
                        """)).execute();

        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
            assertThat(error.getPath()).isEqualTo("pipeline.step.testCases");
            assertThat(error.getMessage()).contains("'first' must be between 0 and 100");
        }));
        response.path("pipeline.step.name").hasValue();
        assertThat(upstream.asked(TestCasePage.class)).isEmpty();
    }
}
