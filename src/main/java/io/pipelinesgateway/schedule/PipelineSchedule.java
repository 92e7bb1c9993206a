package io.pipelinesgateway.schedule;

import java.time.OffsetDateTime;

import io.pipelinesgateway.bitbucket.BitbucketSchedule;
import io.pipelinesgateway.pipeline.PipelineTarget;
import io.pipelinesgateway.repository.RepositoryItem;

/** A schedule as the schema shows it, located by the repository it runs pipelines in. */
public record PipelineSchedule(RepositoryItem item, Boolean enabled, String cronPattern, PipelineTarget target,
        OffsetDateTime createdOn, OffsetDateTime updatedOn) {

    static PipelineSchedule from(String workspace, String repository, BitbucketSchedule schedule) {
        return new PipelineSchedule(new RepositoryItem(workspace, repository, schedule.uuid()),
                schedule.enabled(), schedule.cronPattern(),
                PipelineTarget.from(schedule.target()), schedule.createdOn(), schedule.updatedOn());
    }

    public String id() {
        return PipelineScheduleNodeType.ID.encode(item);
    }

    public String uuid() {
        return item.uuid();
    }
}
