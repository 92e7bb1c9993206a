package io.pipelinesgateway.testreport;

import java.util.Arrays;

import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.NodeType;
import io.pipelinesgateway.step.StepKey;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Test cases as {@code node} finds them: looked up in their step's cases, since Bitbucket serves no single one. */
@Component
class TestCaseNodeType implements NodeType<TestCaseKey> {

    /** A test case's ID: its step's coordinates and its own UUID. */
    static final GlobalIdFormat<TestCaseKey> ID = GlobalIdFormat.of("TestCase", 5,
            key -> Arrays.asList(key.step().workspace(), key.step().repository(), key.step().pipelineUuid(),
                    key.step().stepUuid(), key.uuid()),
            (parts, field) -> new TestCaseKey(new StepKey(parts.get(0), parts.get(1), parts.get(2), parts.get(3)),
                    parts.get(4)));

    private final TestReportService testReports;

    TestCaseNodeType(TestReportService testReports) {
        this.testReports = testReports;
    }

    @Override
    public GlobalIdFormat<TestCaseKey> id() {
        return ID;
    }

    @Override
    public Mono<TestCase> load(TestCaseKey key, DataFetchingEnvironment environment) {
        return testReports.testCase(key);
    }
}
