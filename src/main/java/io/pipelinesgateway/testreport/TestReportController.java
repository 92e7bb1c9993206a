package io.pipelinesgateway.testreport;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.idl.RuntimeWiring;
import io.pipelinesgateway.bitbucket.BitbucketTestCaseReason;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.LoadedField;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.step.Step;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Maps a step's test report, its test cases, and their reasons. A step's {@code testReport}, read below every step of
 * a dashboard, is wired as a {@link LoadedField}, without the cost of an annotated method's invocation.
 */
@Controller
class TestReportController implements RuntimeWiringConfigurer {

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Step", type -> type.dataFetcher("testReport", LoadedField.of(TestReport.class,
                TestReportController::testReportRequest)));
    }

    /** None for a step that has not run: it has reported no tests, known without asking Bitbucket. */
    private static TestReportRequest testReportRequest(Step step) {
        return step.neverRan() ? null : new TestReportRequest(step.key(), step.isTerminal());
    }

    @SchemaMapping(typeName = "Step")
    CompletableFuture<Connection<TestCase>> testCases(Step step, @Argument Integer first, @Argument String after,
            @Argument List<String> statuses, DataLoader<TestCasesRequest, TestCasePage> testCasesLoader) {
        if (step.neverRan()) {
            return CompletableFuture.completedFuture(Connection.ofList(List.of(), PageRequest.of(first, after)));
        }
        return testCasesLoader.load(new TestCasesRequest(step.key(), step.isTerminal(), statuses,
                PageRequest.of(first, after))).thenApply(TestCasePage::connection);
    }

    @SchemaMapping(typeName = "TestCase")
    CompletableFuture<List<BitbucketTestCaseReason>> reasons(TestCase testCase,
            DataLoader<TestCaseKey, TestCaseReasons> testCaseReasonsLoader) {
        if (!testCase.reasonsWorthReading()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return testCaseReasonsLoader.load(new TestCaseKey(testCase.step(), testCase.uuid()))
                .thenApply(TestCaseReasons::reasons);
    }
}
