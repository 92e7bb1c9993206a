package io.pipelinesgateway.testreport;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.pipelinesgateway.bitbucket.BitbucketTestCaseReason;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Inputs;
import io.pipelinesgateway.graphql.LoadedField;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.step.Step;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Maps a step's test report, its test cases, and their reasons. Each is read below every step or test case of a
 * dashboard, so each is wired as a {@link LoadedField}, without the cost of an annotated method's invocation.
 */
@Controller
class TestReportController implements RuntimeWiringConfigurer {

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Step", type -> type
                .dataFetcher("testReport", LoadedField.of(TestReport.class, TestReportController::testReportRequest))
                .dataFetcher("testCases", LoadedField.of(TestReportController::testCases)));
        wiring.type("TestCase", type -> type.dataFetcher("reasons", LoadedField.of(TestReportController::reasons)));
    }

    /** None for a step that has not run: it has reported no tests, known without asking Bitbucket. */
    private static TestReportRequest testReportRequest(Step step) {
        return step.neverRan() ? null : new TestReportRequest(step.key(), step.isTerminal());
    }

    /**
     * Read only when the step's report says there may be some: Bitbucket keeps a step's cases with its report, so a
     * step without one has none, and a report that counts no failure has no failed case
     * ({@link TestReport#reportsNoCase}). The report is loaded by the key of the step's {@code testReport}, so
     * asked together, the two fields make one call for it. The cost: the cases wait for the report.
     */
    private static CompletableFuture<Connection<TestCase>> testCases(Step step, DataFetchingEnvironment environment) {
        PageRequest page = PageRequest.of(environment.getArgument("first"), environment.getArgument("after"));
        TestReportRequest report = testReportRequest(step);
        TestCasesRequest request = new TestCasesRequest(step.key(), step.isTerminal(),
                Inputs.enums(environment.getArgument("statuses"), TestCaseStatus.class), page);
        CompletableFuture<Boolean> noCase = report == null ? CompletableFuture.completedFuture(true)
                : Loaders.load(environment, TestReport.class, report)
                        // A report that could not be read rules nothing out: the cases are read, and may resolve.
                        .handle((summary, failed) -> failed == null
                                && (summary == null || summary.reportsNoCase(request.statuses())));
        return noCase.thenCompose(none -> none
                ? CompletableFuture.completedFuture(Connection.<TestCase>ofList(List.of(), page))
                : Loaders.load(environment, TestCasePage.class, request).thenApply(TestCasePage::connection));
    }

    private static CompletableFuture<List<BitbucketTestCaseReason>> reasons(TestCase testCase,
            DataFetchingEnvironment environment) {
        if (!testCase.reasonsWorthReading()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return Loaders.load(environment, TestCaseReasons.class, new TestCaseKey(testCase.step(), testCase.uuid()))
                .thenApply(TestCaseReasons::reasons);
    }
}
