package io.pipelinesgateway.schedule;

import io.pipelinesgateway.graphql.GlobalIdFormat;
import io.pipelinesgateway.graphql.ServiceNodeType;
import io.pipelinesgateway.repository.RepositoryItem;

import org.springframework.stereotype.Component;

/** Schedules as {@code node} finds them: by workspace, repository and UUID, read one at a time. */
@Component
class PipelineScheduleNodeType extends ServiceNodeType<RepositoryItem> {

    static final GlobalIdFormat<RepositoryItem> ID = RepositoryItem.globalIdFormat("PipelineSchedule");

    PipelineScheduleNodeType(ScheduleService schedules) {
        super(ID, schedules::schedule);
    }
}
