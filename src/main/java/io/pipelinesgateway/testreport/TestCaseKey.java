package io.pipelinesgateway.testreport;

import io.pipelinesgateway.step.StepKey;

/** Locates a test case: its step and its own UUID. */
public record TestCaseKey(StepKey step, String uuid) {
}
