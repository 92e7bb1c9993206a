package io.pipelinesgateway.bitbucket;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * A repository's pipeline schedules, as the gateway uses them: the list, one, its executions, and creating,
 * changing and deleting one. Each method alone knows its path and its kind of resource.
 */
@Component
public class ScheduleEndpoints {

    private final BitbucketClient client;
    private final Listings listings;

    ScheduleEndpoints(BitbucketClient client, Listings listings) {
        this.client = client;
        this.listings = listings;
    }

    /** A repository's schedules. */
    public Listing<BitbucketSchedule> schedules(String workspace, String repository) {
        return new Listing<>(listings, list(workspace, repository), BitbucketSchedule.class);
    }

    /** One schedule, by its UUID. */
    public Mono<BitbucketSchedule> schedule(String workspace, String repository, String scheduleUuid) {
        return client.get(item(workspace, repository, scheduleUuid), BitbucketSchedule.class);
    }

    /** The runs a schedule started. */
    public Listing<BitbucketScheduleExecution> executions(String workspace, String repository, String scheduleUuid) {
        return new Listing<>(listings, UpstreamRequest.of(UpstreamResource.SCHEDULE_EXECUTIONS, "repositories",
                workspace, repository, "pipelines_config", "schedules", scheduleUuid, "executions", ""),
                BitbucketScheduleExecution.class);
    }

    /** Creates a schedule; Bitbucket answers with it. */
    public Mono<BitbucketSchedule> create(String workspace, String repository, BitbucketSchedule schedule) {
        return client.send(HttpMethod.POST, list(workspace, repository), schedule, BitbucketSchedule.class);
    }

    /** Changes a schedule; Bitbucket answers with it. */
    public Mono<BitbucketSchedule> update(String workspace, String repository, String scheduleUuid,
            BitbucketSchedule schedule) {
        return client.send(HttpMethod.PUT, item(workspace, repository, scheduleUuid), schedule,
                BitbucketSchedule.class);
    }

    /** Deletes a schedule. */
    public Mono<Void> delete(String workspace, String repository, String scheduleUuid) {
        return client.send(HttpMethod.DELETE, item(workspace, repository, scheduleUuid), null, Void.class);
    }

    private static UpstreamRequest list(String workspace, String repository) {
        return UpstreamRequest.of(UpstreamResource.SCHEDULES, "repositories", workspace, repository,
                "pipelines_config", "schedules", "");
    }

    private static UpstreamRequest item(String workspace, String repository, String scheduleUuid) {
        return UpstreamRequest.of(UpstreamResource.SCHEDULE, "repositories", workspace, repository,
                "pipelines_config", "schedules", scheduleUuid);
    }
}
