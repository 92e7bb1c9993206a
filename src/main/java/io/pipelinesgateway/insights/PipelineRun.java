package io.pipelinesgateway.insights;

import java.util.List;

import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.step.Step;
import io.pipelinesgateway.testreport.TestCase;

/**
 * A covered pipeline with what the figures need of it: its steps, and its test cases when the pipeline may show a
 * flaky test (otherwise none are read).
 */
record PipelineRun(Pipeline pipeline, List<Step> steps, List<TestCase> testCases) {

    PipelineRun {
        steps = List.copyOf(steps);
        testCases = List.copyOf(testCases);
    }
}
