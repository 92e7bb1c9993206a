package io.pipelinesgateway.schedule;

import io.pipelinesgateway.bitbucket.BitbucketClient;
import io.pipelinesgateway.bitbucket.BitbucketSchedule;
import io.pipelinesgateway.bitbucket.BitbucketScheduleExecution;
import io.pipelinesgateway.bitbucket.UpstreamRequest;
import io.pipelinesgateway.graphql.Connection;
import io.pipelinesgateway.graphql.DeletePayload;
import io.pipelinesgateway.graphql.PageRequest;
import io.pipelinesgateway.graphql.UserError;
import io.pipelinesgateway.repository.RepositoryItem;
import io.pipelinesgateway.repository.RepositoryKey;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Service;

/** Reads a repository's schedules and their runs, and creates, changes and deletes schedules. */
@Service
public class ScheduleService {

    private final BitbucketClient client;

    ScheduleService(BitbucketClient client) {
        this.client = client;
    }

    Mono<Connection<PipelineSchedule>> schedules(String workspace, String repository, PageRequest page) {
        return client.window(list(workspace, repository), BitbucketSchedule.class, page.offset(), page.first(),
                        any -> true, false)
                .map(window -> Connection.of(window, page.offset(),
                        schedule -> PipelineSchedule.from(workspace, repository, schedule)));
    }

    /** The schedule a global ID names. */
    Mono<PipelineSchedule> schedule(RepositoryItem schedule) {
        return client.get(item("schedule", schedule), BitbucketSchedule.class)
                .map(found -> PipelineSchedule.from(schedule.workspace(), schedule.repository(), found));
    }

    Mono<Connection<ScheduleExecution>> executions(PipelineSchedule schedule, PageRequest page) {
        RepositoryItem item = schedule.item();
        UpstreamRequest request = UpstreamRequest.of("schedule_executions", "repositories", item.workspace(),
                item.repository(), "pipelines_config", "schedules", item.uuid(), "executions", "");
        return client.window(request, BitbucketScheduleExecution.class, page.offset(), page.first(), any -> true,
                        false)
                .map(window -> Connection.of(window, page.offset(),
                        execution -> ScheduleExecution.from(item.workspace(), item.repository(), execution)));
    }

    Mono<SchedulePayload> create(ScheduleInputs.Create input) {
        RepositoryKey repository = input.repositoryKey();
        BitbucketSchedule body = input.body();
        return UserError.recover(client.send(HttpMethod.POST, list(repository.workspace(), repository.slug()), body,
                                BitbucketSchedule.class)
                        .map(created -> SchedulePayload.of(PipelineSchedule.from(repository.workspace(),
                                repository.slug(), created))),
                "input.target", SchedulePayload::rejected);
    }

    Mono<SchedulePayload> update(ScheduleInputs.Update input) {
        RepositoryItem schedule = input.schedule();
        return UserError.recover(client.send(HttpMethod.PUT, item("schedule", schedule), input.body(),
                                BitbucketSchedule.class)
                        .map(updated -> SchedulePayload.of(PipelineSchedule.from(schedule.workspace(),
                                schedule.repository(), updated))),
                "input.enabled", SchedulePayload::rejected);
    }

    Mono<DeletePayload> delete(ScheduleInputs.Delete input) {
        RepositoryItem schedule = input.schedule();
        return UserError.recover(client.send(HttpMethod.DELETE, item("schedule", schedule), null, Void.class)
                        .then(Mono.fromSupplier(() -> DeletePayload.deleted(input.id()))),
                null, DeletePayload::rejected);
    }

    private static UpstreamRequest list(String workspace, String repository) {
        return UpstreamRequest.of("schedules", "repositories", workspace, repository, "pipelines_config",
                "schedules", "");
    }

    private static UpstreamRequest item(String resource, RepositoryItem schedule) {
        return UpstreamRequest.of(resource, "repositories", schedule.workspace(), schedule.repository(),
                "pipelines_config", "schedules", schedule.uuid());
    }
}
