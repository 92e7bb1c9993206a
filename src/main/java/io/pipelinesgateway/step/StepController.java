package io.pipelinesgateway.step;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.pipelinesgateway.bitbucket.Uuids;
import io.pipelinesgateway.graphql.LoadedField;
import io.pipelinesgateway.graphql.Loaders;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineKey;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Maps steps and their logs. A pipeline's {@code steps}, read below every pipeline of a dashboard, is wired as a
 * {@link LoadedField}, without the cost of an annotated method's invocation.
 */
@Controller
class StepController implements RuntimeWiringConfigurer {

    private final StepService steps;

    StepController(StepService steps) {
        this.steps = steps;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Pipeline", type -> type.dataFetcher("steps", LoadedField.of(StepController::steps)));
    }

    private static CompletableFuture<List<Step>> steps(Pipeline pipeline, DataFetchingEnvironment environment) {
        return Loaders.load(environment, PipelineSteps.class, StepsRequest.of(pipeline))
                .thenApply(PipelineSteps::steps);
    }

    @SchemaMapping(typeName = "Pipeline")
    CompletableFuture<Step> step(Pipeline pipeline, @Argument String uuid, DataLoader<StepKey, Step> stepLoader) {
        return stepLoader.load(new StepKey(pipeline.workspace(), pipeline.repositorySlug(), pipeline.key().id(),
                Uuids.braced(uuid, "uuid")));
    }

    @SchemaMapping(typeName = "Step")
    CompletableFuture<Pipeline> pipeline(Step step, DataLoader<PipelineKey, Pipeline> pipelineLoader) {
        return pipelineLoader.load(step.key().pipelineKey());
    }

    @SchemaMapping(typeName = "Step")
    StepLog containerLog(Step step, @Argument String uuid) {
        return step.containerLog(Uuids.braced(uuid, "uuid"));
    }

    @SchemaMapping(typeName = "StepLog")
    Mono<Long> size(StepLog log) {
        return steps.size(log);
    }

    @SchemaMapping(typeName = "StepLog")
    Mono<LogChunk> range(StepLog log, @Argument int offset, @Argument Integer length) {
        return steps.range(log, offset, length);
    }

    @SchemaMapping(typeName = "StepLog")
    Mono<LogChunk> tail(StepLog log, @Argument int lines) {
        return steps.tail(log, lines);
    }
}
