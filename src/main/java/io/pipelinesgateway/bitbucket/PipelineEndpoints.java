package io.pipelinesgateway.bitbucket;

import java.util.List;

import io.pipelinesgateway.cache.ResponseCache;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Bitbucket's pipelines, as the gateway uses them: a pipeline and a repository's listing, running and stopping one,
 * its steps, their logs and their test reports. Each method alone knows its path, its kind of resource and what a
 * 404 means there; callers give their coordinates, and say where they need Bitbucket as it is now
 * ({@link Read#LIVE}).
 */
@Component
public class PipelineEndpoints {

    private final BitbucketClient client;
    private final Listings listings;
    private final LogRanges logs;
    private final ResponseCache cache;

    PipelineEndpoints(BitbucketClient client, Listings listings, LogRanges logs, ResponseCache cache) {
        this.client = client;
        this.listings = listings;
        this.logs = logs;
        this.cache = cache;
    }

    /** A pipeline by its UUID (in braces) or its build number. */
    public Mono<BitbucketPipeline> pipeline(String workspace, String repository, String pipelineId, Read read) {
        return client.get(pipelineRequest(workspace, repository, pipelineId).read(read), BitbucketPipeline.class);
    }

    /**
     * A repository's pipelines, newest or oldest first, with Bitbucket's {@code status} filter ({@code statuses},
     * its own values such as {@code IN_PROGRESS}; none: every pipeline).
     */
    public Listing<BitbucketPipeline> pipelines(String workspace, String repository, boolean newestFirst,
            List<String> statuses) {
        UpstreamRequest request = sorted(workspace, repository, newestFirst);
        for (String status : statuses) {
            request = request.with("status", status);
        }
        return new Listing<>(listings, request, BitbucketPipeline.class);
    }

    /** The repository's {@code count} newest pipelines, as listed now (past the cache). */
    public Mono<List<BitbucketPipeline>> newestPipelinesNow(String workspace, String repository, int count) {
        return listings.pageOf(sorted(workspace, repository, true).read(Read.LIVE), BitbucketPipeline.class, 1, count)
                .map(BitbucketPage::values);
    }

    /**
     * Completes when the caller's own credential may read the repository's pipelines, and fails as Bitbucket refuses
     * it (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND): Bitbucket serves a repository to a credential that lacks the
     * pipelines scope, so only a read below {@code pipelines/} tells. Where that credential's own cache holds the
     * first page of the newest-first listing, fresh (a page just listed the pipelines), that answer is the proof and
     * no call is made; otherwise the newest pipeline is read now (one call, past the cache). What the shared tier
     * holds never counts: another reader fetched it.
     */
    public Mono<Void> pipelinesReadable(String workspace, String repository) {
        return listings.firstPageHeld(sorted(workspace, repository, true))
                .flatMap(held -> held ? Mono.<Void>empty() : newestPipelinesNow(workspace, repository, 1).then());
    }

    /** Starts a pipeline; Bitbucket answers with it, pending. */
    public Mono<BitbucketPipeline> run(String workspace, String repository, BitbucketRunRequest run) {
        return client.send(HttpMethod.POST, listing(workspace, repository), run, BitbucketPipeline.class);
    }

    /** Signals a pipeline to stop; Bitbucket answers with no body. */
    public Mono<Void> stop(String workspace, String repository, String pipelineId) {
        return client.send(HttpMethod.POST, UpstreamRequest.of(UpstreamResource.STOP_PIPELINE, "repositories",
                workspace, repository, "pipelines", pipelineId, "stopPipeline"), null, Void.class);
    }

    /**
     * Drops what the response cache holds of a repository's pipelines listing, for every credential, so its next
     * reader sees it as it is now.
     */
    public Mono<Void> forgetListing(String workspace, String repository) {
        return cache.evictListing(listing(workspace, repository).path());
    }

    /** Drops what the response cache holds of one pipeline and what is below it (its steps), for every credential. */
    public Mono<Void> forgetPipeline(String workspace, String repository, String pipelineUuid) {
        return cache.evictItem(pipelineRequest(workspace, repository, pipelineUuid).path());
    }

    /**
     * A pipeline's steps, in order; the pipeline by its UUID (in braces) or its build number, and how it was seen
     * waiting ({@code null}: it was not, or it was not seen), which they are kept under ({@link PipelineWait}).
     */
    public Listing<BitbucketStep> pipelineSteps(String workspace, String repository, String pipelineId,
            PipelineWait seenWaiting) {
        return new Listing<>(listings, stepsRequest(workspace, repository, pipelineId).seenWaiting(seenWaiting),
                BitbucketStep.class);
    }

    /** A pipeline's steps as they are now (past the cache): its first page, which holds every step Bitbucket runs. */
    public Mono<List<BitbucketStep>> stepsNow(String workspace, String repository, String pipelineUuid) {
        return listings.pageOf(stepsRequest(workspace, repository, pipelineUuid).read(Read.LIVE), BitbucketStep.class,
                1, 100).map(BitbucketPage::values);
    }

    /** One step. */
    public Mono<BitbucketStep> step(StepCoordinates step, Read read) {
        return client.get(UpstreamRequest.of(UpstreamResource.STEP, step.segments()).read(read),
                BitbucketStep.class);
    }

    /**
     * Part of a step's own log, by an HTTP Range value ({@code bytes=0-1023}, {@code bytes=-4096}). A step that has
     * written no log reads as {@link LogSlice#NONE}; once {@code stepCompleted}, the log no longer grows, and what is
     * read of it (and its absence) is cached as final.
     */
    public Mono<LogSlice> stepLog(StepCoordinates step, String range, boolean stepCompleted, Read read) {
        return logs.read(UpstreamRequest.of(UpstreamResource.STEP_LOG, step.segments("log"))
                .settled(stepCompleted).read(read), range);
    }

    /** Part of the log of one of a step's service containers, by its log UUID; as {@link #stepLog}. */
    public Mono<LogSlice> containerLog(StepCoordinates step, String logUuid, String range, boolean stepCompleted) {
        return logs.read(UpstreamRequest.of(UpstreamResource.CONTAINER_LOG, step.segments("logs", logUuid))
                .settled(stepCompleted), range);
    }

    /** A step's test report summary; empty when the step reported no tests, which is final once it completed. */
    public Mono<BitbucketTestReport> testReport(StepCoordinates step, boolean stepCompleted) {
        return client.find(UpstreamRequest.of(UpstreamResource.TEST_REPORT, step.segments("test_reports"))
                .settled(stepCompleted), BitbucketTestReport.class);
    }

    /** A step's test cases; none when it reported no tests, which is final once it completed. */
    public Listing<BitbucketTestCase> testCases(StepCoordinates step, boolean stepCompleted) {
        return new Listing<>(listings, UpstreamRequest.of(UpstreamResource.TEST_CASES, step.segments("test_reports",
                "test_cases")).settled(stepCompleted), BitbucketTestCase.class);
    }

    /** Why a test case ended as it did (its failure's message and output). */
    public Mono<List<BitbucketTestCaseReason>> testCaseReasons(StepCoordinates step, String testCaseUuid) {
        return listings.readAll(UpstreamRequest.of(UpstreamResource.TEST_CASE_REASONS, step.segments("test_reports",
                "test_cases", testCaseUuid, "test_case_reasons")), BitbucketTestCaseReason.class);
    }

    private static UpstreamRequest pipelineRequest(String workspace, String repository, String pipelineId) {
        return UpstreamRequest.of(UpstreamResource.PIPELINE, "repositories", workspace, repository, "pipelines",
                pipelineId);
    }

    /** The listing, published with a trailing slash; where runs are also started. */
    private static UpstreamRequest listing(String workspace, String repository) {
        return UpstreamRequest.of(UpstreamResource.PIPELINES, "repositories", workspace, repository, "pipelines", "");
    }

    private static UpstreamRequest sorted(String workspace, String repository, boolean newestFirst) {
        return listing(workspace, repository).with("sort", newestFirst ? "-created_on" : "created_on");
    }

    private static UpstreamRequest stepsRequest(String workspace, String repository, String pipelineId) {
        return UpstreamRequest.of(UpstreamResource.STEPS, "repositories", workspace, repository, "pipelines",
                pipelineId, "steps", "");
    }
}
