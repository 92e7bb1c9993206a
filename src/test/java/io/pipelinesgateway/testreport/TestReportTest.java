package io.pipelinesgateway.testreport;

import java.util.List;

import io.pipelinesgateway.graphql.GlobalId;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_BUILD;
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static io.pipelinesgateway.support.Fixtures.TEST_CASE_ERROR;
import static io.pipelinesgateway.support.Fixtures.TEST_CASE_FAILED;
import static io.pipelinesgateway.support.Fixtures.TEST_CASE_SKIPPED;
import static io.pipelinesgateway.support.Fixtures.TEST_CASE_SUCCESS;
import static io.pipelinesgateway.support.Fixtures.bearer;
import static io.pipelinesgateway.support.Fixtures.encoded;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step's test report: the summary ({@code .../test_reports}), its cases ({@code .../test_reports/test_cases}) and
 * a case's reasons ({@code .../test_cases/{test_case_uuid}/test_case_reasons}).
 */
class TestReportTest extends GatewayTest {

    private static final String REPORT = stepPath(PIPELINE_42, STEP_TEST) + "/test_reports";
    private static final String CASES = REPORT + "/test_cases";

    private static final String STEP = """
            query%%s { pipeline(workspace: "acme", repository: "api", uuid: "%s") { step(uuid: "%s") { %%s } } }
            """.formatted(PIPELINE_42, STEP_TEST);
    private static final String NO_VARIABLES = "";
    private static final String PAGING = "($first: Int, $after: String)";
    private static final String STATUSES = "($statuses: [TestCaseStatus!])";

    @BeforeEach
    void givenTheIntegrationTestStepAndItsReport() {
        given("pipeline-42.json");
        given("step-integration-tests.json");
        // Bitbucket keeps a step's cases with its report: whenever it has cases, it has a summary.
        given("test-report-summary.json");
    }

    @Test
    void readsTheSummary() {
        graphQl.document(STEP.formatted(NO_VARIABLES, "testReport { total successful failed errored skipped durationSeconds }"))
                .execute()
                .path("pipeline.step.testReport").matchesJsonStrictly("""
                        {"total": 4, "successful": 1, "failed": 1, "errored": 1, "skipped": 1, "durationSeconds": 12.5}
                        """);

        bitbucket.verify(exactly(1), getOf(REPORT)
                .withHeader("Authorization", equalTo(bearer()))
                .withHeader("Accept", equalTo("application/json")));
        assertThat(bitbucket.findAll(getOf(REPORT))).singleElement()
                .satisfies(request -> assertThat(request.getQueryParams()).isEmpty());
    }

    @Test
    void givesNullWithoutAnErrorForAStepThatReportedNoTests() {
        given("step-build.json");
        given("test-report-not-found.json");

        graphQl.document("""
                        query { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                          step(uuid: "%s") { name testReport { total } } } }
                        """.formatted(PIPELINE_42, STEP_BUILD))
                .execute()
                .path("pipeline.step.name").entity(String.class).isEqualTo("Build and unit test")
                .path("pipeline.step.testReport").valueIsNull();

        bitbucket.verify(exactly(1), getOf(stepPath(PIPELINE_42, STEP_BUILD) + "/test_reports"));
    }

    @Test
    void asksNoTestCasesOfAStepThatReportedNoTests() {
        given("step-build.json");
        given("test-report-not-found.json");

        graphQl.document("""
                        query { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                          step(uuid: "%s") { testReport { total } testCases { totalCount nodes { uuid } } } } }
                        """.formatted(PIPELINE_42, STEP_BUILD))
                .execute()
                .path("pipeline.step.testReport").valueIsNull()
                .path("pipeline.step.testCases.totalCount").entity(Integer.class).isEqualTo(0)
                .path("pipeline.step.testCases.nodes").entityList(Object.class).hasSize(0);

        bitbucket.verify(exactly(1), getOf(stepPath(PIPELINE_42, STEP_BUILD) + "/test_reports"));
        bitbucket.verify(exactly(0), getOf(stepPath(PIPELINE_42, STEP_BUILD) + "/test_reports/test_cases"));
    }

    @Test
    void asksNoFailedCasesOfAReportThatCountsNoFailureAndReadsTheReportOnceForBothFields() {
        given("test-cases.json");
        bitbucket.stubFor(get(urlPathEqualTo(api(REPORT))).willReturn(okJson("""
                {"total": 3, "success": 2, "failed": 0, "skipped": 1, "error": 0, "duration_in_seconds": 2.0}
                """)));

        graphQl.document(STEP.formatted(STATUSES, "testReport { failed } testCases(statuses: $statuses) { nodes { uuid } }"))
                .variable("statuses", List.of("FAILED", "ERROR"))
                .execute()
                .path("pipeline.step.testReport.failed").entity(Integer.class).isEqualTo(0)
                .path("pipeline.step.testCases.nodes").entityList(Object.class).hasSize(0);

        bitbucket.verify(exactly(1), getOf(REPORT));
        bitbucket.verify(exactly(0), getOf(CASES));
    }

    @Test
    void readsTheCasesWhenTheReportDoesNotCountThem() {
        given("test-cases.json");
        // Without its counts, a report cannot rule out a failed case.
        bitbucket.stubFor(get(urlPathEqualTo(api(REPORT))).willReturn(okJson("""
                {"total": 4, "duration_in_seconds": 12.5}
                """)));

        graphQl.document(STEP.formatted(STATUSES, "testCases(statuses: $statuses) { nodes { uuid } }"))
                .variable("statuses", List.of("FAILED"))
                .execute()
                .path("pipeline.step.testCases.nodes[*].uuid").entityList(String.class)
                .containsExactly(TEST_CASE_FAILED);

        bitbucket.verify(exactly(1), getOf(CASES));
    }

    @Test
    void readsTheTestCasesWithEveryFieldMapped() {
        given("test-cases.json");

        graphQl.document(STEP.formatted(NO_VARIABLES, """
                        testCases { totalCount
                          nodes { uuid name fullyQualifiedName packageName status durationSeconds } }
                        """))
                .execute()
                .path("pipeline.step.testCases").matchesJsonStrictly("""
                        {"totalCount": 4, "nodes": [
                          {"uuid": "%s", "name": "logsInWithSso", "fullyQualifiedName": "io.acme.api.LoginIT.logsInWithSso",
                           "packageName": "io.acme.api", "status": "SUCCESS", "durationSeconds": 0.123},
                          {"uuid": "%s", "name": "rejectsAnExpiredToken",
                           "fullyQualifiedName": "io.acme.api.LoginIT.rejectsAnExpiredToken",
                           "packageName": "io.acme.api", "status": "FAILED", "durationSeconds": 1.5},
                          {"uuid": "%s", "name": "refreshesTheSession",
                           "fullyQualifiedName": "io.acme.api.LoginIT.refreshesTheSession",
                           "packageName": "io.acme.api", "status": "ERROR", "durationSeconds": 0.042},
                          {"uuid": "%s", "name": "logsOutEverywhere", "fullyQualifiedName": "io.acme.api.LoginIT.logsOutEverywhere",
                           "packageName": "io.acme.api", "status": "SKIPPED", "durationSeconds": 0.0}
                        ]}
                        """.formatted(TEST_CASE_SUCCESS, TEST_CASE_FAILED, TEST_CASE_ERROR, TEST_CASE_SKIPPED));

        bitbucket.verify(exactly(1), getOf(CASES)
                .withQueryParam("page", havingExactly("1"))
                .withQueryParam("pagelen", havingExactly("100"))
                .withHeader("Authorization", equalTo(bearer())));
    }

    @Test
    void pagesThroughTestCasesWithCursors() {
        given("test-cases.json");
        String page = "testCases(first: $first, after: $after) { pageInfo { hasNextPage hasPreviousPage endCursor } nodes { uuid } }";

        var first = graphQl.document(STEP.formatted(PAGING, page)).variable("first", 3).execute();
        first.path("pipeline.step.testCases.nodes[*].uuid").entityList(String.class)
                .containsExactly(TEST_CASE_SUCCESS, TEST_CASE_FAILED, TEST_CASE_ERROR)
                .path("pipeline.step.testCases.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String after = first.path("pipeline.step.testCases.pageInfo.endCursor").entity(String.class).get();

        graphQl.document(STEP.formatted(PAGING, page)).variable("first", 3).variable("after", after).execute()
                .path("pipeline.step.testCases.nodes[*].uuid").entityList(String.class)
                .containsExactly(TEST_CASE_SKIPPED)
                .path("pipeline.step.testCases.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("pipeline.step.testCases.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);

        bitbucket.verify(exactly(2), getOf(CASES).withQueryParam("page", havingExactly("1")));
    }

    @Test
    void filtersTestCasesByStatus() {
        given("test-cases.json");

        graphQl.document(STEP.formatted(STATUSES, "testCases(statuses: $statuses) { totalCount nodes { uuid status } }"))
                .variable("statuses", List.of("FAILED", "ERROR"))
                .execute()
                .path("pipeline.step.testCases.nodes[*].uuid").entityList(String.class)
                .containsExactly(TEST_CASE_FAILED, TEST_CASE_ERROR)
                // The filter is the gateway's, so Bitbucket's count does not say how many match.
                .path("pipeline.step.testCases.totalCount").valueIsNull();

        assertThat(bitbucket.findAll(getOf(CASES))).singleElement().satisfies(request ->
                assertThat(request.getQueryParams()).containsOnlyKeys("page", "pagelen"));
    }

    @Test
    void readsTheReasonsOfAFailedTestCase() {
        given("test-cases.json");
        given("test-case-reasons.json");

        graphQl.document(STEP.formatted(STATUSES, "testCases(statuses: $statuses) { nodes { name reasons { message stackTrace } } }"))
                .variable("statuses", List.of("FAILED"))
                .execute()
                .path("pipeline.step.testCases.nodes").matchesJsonStrictly("""
                        [{"name": "rejectsAnExpiredToken", "reasons": [{
                          "message": "expected: <401> but was: <200>",
                          "stackTrace": "org.opentest4j.AssertionFailedError: expected: <401> but was: <200>\\n\\tat io.acme.api.LoginIT.rejectsAnExpiredToken(LoginIT.java:88)"
                        }]}]
                        """);

        bitbucket.verify(exactly(1), getOf(CASES + "/" + encoded(TEST_CASE_FAILED) + "/test_case_reasons")
                .withQueryParam("page", havingExactly("1"))
                .withQueryParam("pagelen", havingExactly("100"))
                .withHeader("Authorization", equalTo(bearer())));
    }

    @Test
    void readsReasonsOnlyForCasesThatFailedOrErred() {
        given("test-cases.json");
        given("test-case-reasons.json");

        graphQl.document(STEP.formatted(NO_VARIABLES, "testCases { nodes { status reasons { message } } }"))
                .execute()
                .path("pipeline.step.testCases.nodes[*].status").entityList(String.class)
                .containsExactly("SUCCESS", "FAILED", "ERROR", "SKIPPED")
                .path("pipeline.step.testCases.nodes[0].reasons").entityList(Object.class).hasSize(0)
                .path("pipeline.step.testCases.nodes[1].reasons[0].message").entity(String.class)
                .isEqualTo("expected: <401> but was: <200>")
                .path("pipeline.step.testCases.nodes[3].reasons").entityList(Object.class).hasSize(0);

        assertThat(reasonCalls(TEST_CASE_FAILED)).isEqualTo(1);
        assertThat(reasonCalls(TEST_CASE_ERROR)).isEqualTo(1);
        assertThat(reasonCalls(TEST_CASE_SUCCESS)).as("a passed case has no reasons to read").isZero();
        assertThat(reasonCalls(TEST_CASE_SKIPPED)).as("a skipped case has no reasons to read").isZero();
    }

    @Test
    void readsTheReasonsOfAPassedCaseAskedForByItsId() {
        given("test-cases.json");
        String id = GlobalId.encode("TestCase", "acme", "api", PIPELINE_42, STEP_TEST, TEST_CASE_SUCCESS);

        graphQl.document("query($id: ID!) { node(id: $id) { ... on TestCase { status reasons { message } } } }")
                .variable("id", id)
                .execute()
                .path("node.status").entity(String.class).isEqualTo("SUCCESS")
                .path("node.reasons").entityList(Object.class).hasSize(0);

        assertThat(reasonCalls(TEST_CASE_SUCCESS)).isEqualTo(1);
    }

    private int reasonCalls(String testCase) {
        return bitbucket.findAll(getOf(CASES + "/" + encoded(testCase) + "/test_case_reasons")).size();
    }
}
