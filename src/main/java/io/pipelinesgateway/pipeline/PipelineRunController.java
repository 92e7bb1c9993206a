package io.pipelinesgateway.pipeline;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Maps the mutations that run and stop pipelines. */
@Controller
class PipelineRunController {

    private final PipelineRunService runs;

    PipelineRunController(PipelineRunService runs) {
        this.runs = runs;
    }

    @MutationMapping
    Mono<PipelinePayload> runPipeline(@Argument RunInputs.Run input) {
        return runs.run(input);
    }

    @MutationMapping
    Mono<PipelinePayload> stopPipeline(@Argument RunInputs.Stop input) {
        return runs.stop(input);
    }
}
