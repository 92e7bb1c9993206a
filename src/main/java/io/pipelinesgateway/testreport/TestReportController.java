package io.pipelinesgateway.testreport;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.pipelinesgateway.bitbucket.BitbucketTestCaseReason;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.step.Step;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps a step's test report, its test cases, and their reasons. */
@Controller
class TestReportController {

    @SchemaMapping(typeName = "Step")
    CompletableFuture<TestReport> testReport(Step step, DataLoader<TestReportRequest, TestReport> testReportLoader) {
        if (step.neverRan()) {
            // A step that has not run has reported no tests: known without asking Bitbucket.
            return CompletableFuture.completedFuture(null);
        }
        return testReportLoader.load(new TestReportRequest(step.key(), step.isTerminal()));
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
