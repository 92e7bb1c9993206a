package io.pipelinesgateway.testreport;

import io.pipelinesgateway.step.StepKey;

/**
 * A step's test report as a query asks for it; whether the step has completed tells whether "no report" is final.
 */
public record TestReportRequest(StepKey step, boolean stepCompleted) {
}
