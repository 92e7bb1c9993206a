package io.pipelinesgateway.bitbucket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.pipelinesgateway.cache.Freshness;
import io.pipelinesgateway.cache.ResponseCacheProperties;
import io.pipelinesgateway.cache.WebhookCoverage;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * How long each upstream answer may be served from the cache, by what it is: what has completed never changes and
 * is kept long; what is still running, and every list, is kept briefly; configuration sits in between. A
 * repository's pipelines listing of completed pipelines, or of pipelines paused before a manual step, is kept longer
 * while its webhooks are seen ({@link WebhookCoverage}), as each delivery evicts it. The steps of a pipeline seen
 * waiting, read for it as seen, are kept like completed ones ({@link PipelineWait}). Live data of a repository's
 * pipelines is kept longer while it stays unchanged ({@link #freshness}). Every value is configurable
 * ({@code gateway.cache.*}).
 */
@Component
public class CachePolicy {

    private final ResponseCacheProperties properties;
    private final WebhookCoverage webhooks;

    CachePolicy(ResponseCacheProperties properties, WebhookCoverage webhooks) {
        this.properties = properties;
        this.webhooks = webhooks;
    }

    /** How long an answer may be served, by its resource's cache class and, where that depends on it, its state. */
    Duration timeToLive(UpstreamRequest request, Object value) {
        return switch (request.resource().cacheClass()) {
            case FINAL -> properties.completed();
            case CONFIGURATION -> properties.configuration();
            case BY_STATE -> value instanceof BitbucketPipeline pipeline ? byState(pipeline.state())
                    : value instanceof BitbucketStep step ? byState(step.state()) : properties.live();
            case STEP_LISTING -> value instanceof BitbucketPage<?> page && !page.values().isEmpty()
                    && page.values().stream().allMatch(item -> item instanceof BitbucketStep step
                            && atRest(request, StateName.of(step.state())))
                    ? properties.completed() : listing(value);
            case PIPELINE_LISTING -> value instanceof BitbucketPage<?> page
                    && settledListingWithWebhooks(request, page) ? properties.listWithWebhooks() : listing(value);
            case LISTING -> listing(value);
            // A log is cached only once its step has completed: before that its end, and so the size every slice
            // reports, keeps moving.
            case LOG -> request.settled() ? properties.completed() : Duration.ZERO;
            case LIVE -> properties.live();
        };
    }

    /**
     * Whether a step in state {@code name} no longer moves as {@code request} reads it: it has completed, or it has not
     * started and its pipeline was seen waiting ({@link PipelineWait}), which the read's cache entry is kept under.
     * A step of a waiting pipeline that runs all the same means the pipeline has moved on since it was seen: that
     * answer is live data.
     */
    private static boolean atRest(UpstreamRequest request, StateName name) {
        return name.isCompleted()
                || request.seenWaiting() != null && (name == StateName.PENDING || name == StateName.READY);
    }

    private Duration byState(BitbucketState state) {
        return StateName.of(state).isCompleted() ? properties.completed() : properties.live();
    }

    private Duration listing(Object value) {
        return value instanceof BitbucketPage<?> ? properties.list() : properties.live();
    }

    /** Whether Bitbucket's 404 for this request means "there is none", an answer to cache, rather than an error. */
    static boolean notFoundIsAbsence(UpstreamRequest request) {
        return request.resource().notFound() == UpstreamResource.NotFound.ABSENCE;
    }

    /**
     * How long an absence is kept: a completed step that has no test report or no log will never have one, so that
     * is as final as completed data; a running step's may still appear, so it is kept as briefly as live data. A
     * configuration not set up yet ({@link UpstreamResource.NotFound#EMPTY}) is kept as the configuration would be:
     * the edit that sets it up evicts it.
     */
    Duration absence(UpstreamRequest request) {
        if (request.resource().notFound() == UpstreamResource.NotFound.EMPTY) {
            return timeToLive(request, null);
        }
        return request.settled() ? properties.completed() : properties.live();
    }

    /**
     * Whether {@code page} is a page of {@code /repositories/{workspace}/{repo}/pipelines/} of a repository whose
     * webhooks are seen, showing only pipelines that have completed or are paused before a manual step: the next
     * change to it (a new run, one completing, a person running the manual step) brings a delivery, which evicts it.
     * A pipeline that runs, waits for a runner or is halted behind another deployment moves on without one (its
     * stage, its duration), and so do the steps of any pipeline: those keep the short time, grown while unchanged
     * ({@link #freshness}).
     */
    private boolean settledListingWithWebhooks(UpstreamRequest request, BitbucketPage<?> page) {
        return page.values().stream().allMatch(item -> item instanceof BitbucketPipeline pipeline
                && BitbucketState.completedOrPausedAtAManualStep(pipeline.state())) && listingWithWebhooks(request);
    }

    /**
     * Whether {@code request} reads a page of {@code /repositories/{workspace}/{repo}/pipelines/} of a repository
     * whose webhooks are seen: a delivery evicts it when a pipeline starts or ends.
     */
    private boolean listingWithWebhooks(UpstreamRequest request) {
        if (request.resource() != UpstreamResource.PIPELINES) {
            return false;
        }
        String[] segments = request.path().split("/");
        return segments.length == 5 && request.path().endsWith("/") && segments[1].equals("repositories")
                && segments[4].equals("pipelines")
                && webhooks.covers(UriUtils.decode(segments[2], StandardCharsets.UTF_8),
                        UriUtils.decode(segments[3], StandardCharsets.UTF_8));
    }

    // Stability-adaptive freshness of live data: the base times above, grown while an answer is unchanged.

    /**
     * How long an answer is kept ({@link #timeToLive(UpstreamRequest, Object)}), and for live data of a repository's
     * pipelines (a listing page showing unfinished pipelines, an unfinished pipeline or step, a steps list with
     * unfinished steps; a running step's missing report, {@link #absenceFreshness}) how far that grows while it is
     * fetched again unchanged: up to
     * {@code gateway.cache.live-stable-max}, or for a listing of a repository whose webhooks are seen, which a
     * delivery evicts when a pipeline starts or ends, up to {@code list-with-webhooks} when that is longer. A
     * pipeline waiting for a runner or halted then stops costing a call at every view. A workspace's
     * repository listing, which changes only when a repository is added, renamed or removed or the credential's
     * access changes, grows the same way, per credential, up to as long as the proof of access its read renewed
     * lasts ({@link ResponseCacheProperties#accessProvenFor()}): it is read again, and renews the proof, before
     * the proof ends, and Bitbucket is asked what the credential may read at least that often.
     */
    Freshness freshness(UpstreamRequest request, Object value) {
        Duration base = timeToLive(request, value);
        boolean live = (request.pipelinesOfRepository() != null || request.repositoriesListedOf() != null)
                && !base.isZero() && !base.isNegative() && base.compareTo(properties.completed()) < 0;
        if (!live) {
            return Freshness.fixed(base);
        }
        if (request.repositoriesListedOf() != null) {
            return new Freshness(base, properties.accessProvenFor());
        }
        Duration bound = listingWithWebhooks(request) && properties.listWithWebhooks()
                .compareTo(properties.liveStableMax()) > 0 ? properties.listWithWebhooks() : properties.liveStableMax();
        return new Freshness(base, bound, () -> comparedWithoutRunningCounters(value));
    }

    /**
     * What of a live answer tells whether it changed: all of it (null) unless it holds a running pipeline or step,
     * whose build seconds and duration Bitbucket counts up on every read; those alone moving is not news. The
     * gateway counts a running pipeline's and step's duration up to now itself ({@code durationSeconds}); what
     * Bitbucket counted (build seconds) may then lag by as long as the answer is kept. Its state, stage, times and
     * steps moving on are changes, as are new runs.
     */
    private static String comparedWithoutRunningCounters(Object value) {
        if (value instanceof BitbucketPage<?> page) {
            List<Object> items = new ArrayList<>(page.values().size());
            boolean running = false;
            for (Object item : page.values()) {
                Object compared = withoutRunningCounters(item);
                running |= compared != item;
                items.add(compared);
            }
            return running ? new BitbucketPage<>(items, page.page(), page.pagelen(), page.size(), page.next())
                    .toString() : null;
        }
        Object compared = withoutRunningCounters(value);
        return compared == value ? null : compared.toString();
    }

    private static Object withoutRunningCounters(Object item) {
        if (item instanceof BitbucketPipeline pipeline && StateName.of(pipeline.state()) == StateName.IN_PROGRESS) {
            // Paused or halted, it is waiting: its counters stand still, and moved they tell that it went on.
            return BitbucketState.pipelineWait(pipeline.state()) != null ? item : pipeline.withoutCounters();
        }
        if (item instanceof BitbucketStep step && StateName.of(step.state()) == StateName.IN_PROGRESS) {
            return step.withoutCounters();
        }
        return item;
    }

    /**
     * How long an absence is kept ({@link #absence}). A running step's missing report (or test cases, or log) is live
     * data like the step itself: asked again at the live time, and less often while it stays missing, up to
     * {@code live-stable-max}. The report appears as the step completes, which no delivery announces; the read of
     * the completed step is another entry ({@link UpstreamRequest#stateVariant()}), so it is asked for as soon as
     * the step is seen completed, whatever the running step's absence was kept for.
     */
    Freshness absenceFreshness(UpstreamRequest request) {
        Duration base = absence(request);
        return request.settled() || request.pipelinesOfRepository() == null ? Freshness.fixed(base)
                : new Freshness(base, properties.liveStableMax());
    }
}
