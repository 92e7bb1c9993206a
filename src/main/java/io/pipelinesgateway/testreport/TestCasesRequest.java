package io.pipelinesgateway.testreport;

import java.util.List;

import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.step.StepKey;

/**
 * One page of a step's test cases as a query asks for it; a DataLoader key.
 *
 * @param stepCompleted whether the step has completed, which makes "no test cases" (Bitbucket's 404) final
 */
public record TestCasesRequest(StepKey step, boolean stepCompleted, List<TestCaseStatus> statuses, PageRequest page) {

    public TestCasesRequest {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
