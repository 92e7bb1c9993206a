package io.pipelinesgateway.schedule;

import io.pipelinesgateway.bitbucket.BitbucketSchedule;
import io.pipelinesgateway.bitbucket.ScheduleEndpoints;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryItem;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.repository.RepositoryService;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Reads a repository's schedules and their runs, and creates, changes and deletes schedules. */
@Service
public class ScheduleService {

    private final ScheduleEndpoints bitbucket;
    private final RepositoryService repositories;

    ScheduleService(ScheduleEndpoints bitbucket, RepositoryService repositories) {
        this.bitbucket = bitbucket;
        this.repositories = repositories;
    }

    Mono<Connection<PipelineSchedule>> schedules(String workspace, String repository, PageRequest page) {
        return bitbucket.schedules().list(workspace, repository).window(page.offset(), page.first())
                .map(window -> Connection.of(window, page.offset(),
                        schedule -> PipelineSchedule.from(workspace, repository, schedule)));
    }

    /** The schedule a global ID names. */
    Mono<PipelineSchedule> schedule(RepositoryItem schedule) {
        return bitbucket.schedules().item(schedule.workspace(), schedule.repository(), schedule.uuid())
                .map(found -> PipelineSchedule.from(schedule.workspace(), schedule.repository(), found));
    }

    Mono<Connection<ScheduleExecution>> executions(PipelineSchedule schedule, PageRequest page) {
        RepositoryItem item = schedule.item();
        return bitbucket.executions(item.workspace(), item.repository(), item.uuid())
                .window(page.offset(), page.first())
                .map(window -> Connection.of(window, page.offset(),
                        execution -> ScheduleExecution.from(item.workspace(), item.repository(), execution)));
    }

    Mono<SchedulePayload> create(ScheduleInputs.Create input) {
        RepositoryKey asked = input.repositoryKey();
        BitbucketSchedule body = input.body();
        return UserError.recover(repositories.bySlugs(asked).flatMap(repository -> bitbucket.schedules()
                        .create(repository.workspace(), repository.slug(), body)
                        .map(created -> SchedulePayload.of(PipelineSchedule.from(repository.workspace(),
                                repository.slug(), created)))),
                "input.target", SchedulePayload::rejected);
    }

    Mono<SchedulePayload> update(ScheduleInputs.Update input) {
        RepositoryItem schedule = input.schedule();
        return UserError.recover(bitbucket.schedules()
                        .update(schedule.workspace(), schedule.repository(), schedule.uuid(), input.body())
                        .map(updated -> SchedulePayload.of(PipelineSchedule.from(schedule.workspace(),
                                schedule.repository(), updated))),
                "input.enabled", SchedulePayload::rejected);
    }

    Mono<DeletePayload> delete(ScheduleInputs.Delete input) {
        RepositoryItem schedule = input.schedule();
        return UserError.recover(bitbucket.schedules()
                        .delete(schedule.workspace(), schedule.repository(), schedule.uuid())
                        .then(Mono.fromSupplier(() -> DeletePayload.deleted(input.id()))),
                null, DeletePayload::rejected);
    }
}
