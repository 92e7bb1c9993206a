package io.pipelinesgateway.testreport;

import java.util.List;

import io.pipelinesgateway.bitbucket.BitbucketTestCaseReason;
import io.pipelinesgateway.bitbucket.PipelineEndpoints;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.step.StepKey;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reads test reports: a step's summary, its test cases ({@link TestCasePage}) and each case's reasons
 * ({@link TestCaseReasons}), each through its DataLoader, so a page of failed cases with their reasons fans out in parallel.
 */
@Service
public class TestReportService {

    private final PipelineEndpoints bitbucket;

    TestReportService(PipelineEndpoints bitbucket, Loaders loaders) {
        this.bitbucket = bitbucket;
        loaders.register(TestReportRequest.class, TestReport.class, this::report);
        loaders.register(TestCasesRequest.class, TestCasePage.class, request -> testCases(request)
                .map(TestCasePage::new));
        loaders.register(TestCaseKey.class, TestCaseReasons.class, key -> reasons(key).map(TestCaseReasons::new));
    }

    /**
     * The summary; empty when the step reported no tests, which Bitbucket tells with a 404. For a completed step
     * that answer is final, and cached as such.
     */
    Mono<TestReport> report(TestReportRequest request) {
        return bitbucket.testReport(request.step().upstream(), request.stepCompleted()).map(TestReport::from);
    }

    Mono<Connection<TestCase>> testCases(TestCasesRequest request) {
        boolean filtered = !request.statuses().isEmpty();
        return bitbucket.testCases(request.step().upstream(), request.stepCompleted())
                .window(request.page().offset(), request.page().first(),
                        testCase -> !filtered || request.statuses().contains(TestCaseStatus.of(testCase.status())),
                        filtered)
                .map(window -> Connection.of(window, request.page().offset(),
                        testCase -> TestCase.from(request.step(), testCase)));
    }

    Mono<List<BitbucketTestCaseReason>> reasons(TestCaseKey key) {
        return bitbucket.testCaseReasons(key.step().upstream(), key.uuid());
    }

    /**
     * Every test case a step reported; none when it reported no tests (Bitbucket's 404), which is final once the step
     * has completed.
     */
    public Mono<List<TestCase>> testCases(StepKey step, boolean stepCompleted) {
        return bitbucket.testCases(step.upstream(), stepCompleted).all()
                .map(all -> all.stream().map(testCase -> TestCase.from(step, testCase)).toList());
    }

    /** Finds one test case by UUID for {@code node(id:)}: Bitbucket serves no single test case, so it is looked up. */
    public Mono<TestCase> testCase(TestCaseKey key) {
        return bitbucket.testCases(key.step().upstream(), false).all()
                .flatMap(all -> Mono.justOrEmpty(all.stream()
                        .filter(testCase -> key.uuid().equalsIgnoreCase(testCase.uuid()))
                        .findFirst()
                        .map(testCase -> TestCase.from(key.step(), testCase).alone())));
    }
}
