package io.pipelinesgateway.schedule;

import java.util.concurrent.CompletableFuture;

import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.pipeline.PipelineKey;
import io.pipelinesgateway.repository.Repository;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps a repository's schedules, their runs, and the mutations that create, change and delete schedules. */
@Controller
class ScheduleController {

    private final ScheduleService schedules;

    ScheduleController(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @SchemaMapping(typeName = "Repository")
    Mono<Connection<PipelineSchedule>> schedules(Repository repository, @Argument Integer first,
            @Argument String after) {
        return schedules.schedules(repository.workspaceSlug(), repository.slug(), PageRequest.of(first, after));
    }

    @SchemaMapping(typeName = "PipelineSchedule")
    Mono<Connection<ScheduleExecution>> executions(PipelineSchedule schedule, @Argument Integer first,
            @Argument String after) {
        return schedules.executions(schedule, PageRequest.of(first, after));
    }

    @SchemaMapping(typeName = "ScheduleExecution")
    CompletableFuture<Pipeline> pipeline(ScheduleExecution execution,
            DataLoader<PipelineKey, Pipeline> pipelineLoader) {
        return execution.pipeline() == null ? CompletableFuture.completedFuture(null)
                : pipelineLoader.load(execution.pipeline());
    }

    @MutationMapping
    Mono<SchedulePayload> createSchedule(@Argument ScheduleInputs.Create input) {
        return schedules.create(input);
    }

    @MutationMapping
    Mono<SchedulePayload> updateSchedule(@Argument ScheduleInputs.Update input) {
        return schedules.update(input);
    }

    @MutationMapping
    Mono<DeletePayload> deleteSchedule(@Argument ScheduleInputs.Delete input) {
        return schedules.delete(input);
    }
}
