package io.pipelinesgateway.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Adds {@code PipelineController} and {@code StepController} to a controller slice whose fields hang below a pipeline
 * or a step (test reports), so a query reaches them from {@code Query.pipeline}; the test then serves the DataLoaders
 * of pipelines and steps too, and a {@code StepService} double.
 */
@TestConfiguration
@ComponentScan(basePackages = {"io.pipelinesgateway.pipeline", "io.pipelinesgateway.step"},
        useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "io\\.pipelinesgateway\\.(pipeline\\.PipelineController|step\\.StepController)"))
public class PipelineAndStepControllers {
}
