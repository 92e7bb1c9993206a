package io.pipelinesgateway.schedule;

import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.NodeType;
import io.pipelinesgateway.repository.RepositoryItem;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Schedules as {@code node} finds them: by workspace, repository and UUID, read one at a time. */
@Component
class PipelineScheduleNodeType implements NodeType<RepositoryItem> {

    static final GlobalIdFormat<RepositoryItem> ID = RepositoryItem.globalIdFormat("PipelineSchedule");

    private final ScheduleService schedules;

    PipelineScheduleNodeType(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @Override
    public GlobalIdFormat<RepositoryItem> id() {
        return ID;
    }

    @Override
    public Mono<PipelineSchedule> load(RepositoryItem item, DataFetchingEnvironment environment) {
        return schedules.schedule(item);
    }
}
