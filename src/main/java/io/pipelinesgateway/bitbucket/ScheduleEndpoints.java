package io.pipelinesgateway.bitbucket;

import org.springframework.stereotype.Component;

/**
 * A repository's pipeline schedules, as the gateway uses them: the list, one, its executions, and creating,
 * changing and deleting one. Each method alone knows its path and its kind of resource.
 */
@Component
public class ScheduleEndpoints {

    private final Listings listings;
    private final RepositoryItems<BitbucketSchedule> schedules;

    ScheduleEndpoints(BitbucketClient client, Listings listings) {
        this.listings = listings;
        this.schedules = new RepositoryItems<>(client, listings, UpstreamResource.SCHEDULES, UpstreamResource.SCHEDULE,
                BitbucketSchedule.class, "pipelines_config", "schedules");
    }

    /** A repository's schedules: listed, read one by UUID, created, changed and deleted. */
    public RepositoryItems<BitbucketSchedule> schedules() {
        return schedules;
    }

    /** The runs a schedule started. */
    public Listing<BitbucketScheduleExecution> executions(String workspace, String repository, String scheduleUuid) {
        return new Listing<>(listings, UpstreamRequest.of(UpstreamResource.SCHEDULE_EXECUTIONS, "repositories",
                workspace, repository, "pipelines_config", "schedules", scheduleUuid, "executions", ""),
                BitbucketScheduleExecution.class);
    }
}
