package io.pipelinesgateway.testreport;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.pipelinesgateway.bitbucket.BitbucketTestCaseReason;
import io.pipelinesgateway.graphql.Connection;
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

    private static CompletableFuture<Connection<TestCase>> testCases(Step step, DataFetchingEnvironment environment) {
        PageRequest page = PageRequest.of(environment.getArgument("first"), environment.getArgument("after"));
        if (step.neverRan()) {
            return CompletableFuture.completedFuture(Connection.ofList(List.of(), page));
        }
        List<String> statuses = environment.getArgument("statuses");
        return Loaders.load(environment, TestCasePage.class,
                new TestCasesRequest(step.key(), step.isTerminal(), statuses, page))
                .thenApply(TestCasePage::connection);
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
