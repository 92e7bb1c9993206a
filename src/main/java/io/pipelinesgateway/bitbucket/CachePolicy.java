package io.pipelinesgateway.bitbucket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.pipelinesgateway.cache.ResponseCacheProperties;
import io.pipelinesgateway.cache.WebhookCoverage;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * How long each upstream answer may be served from the cache, by what it is: what has completed never changes and
 * is kept long; what is still running, and every list, is kept briefly; configuration sits in between. A
 * repository's pipelines listing of completed pipelines is kept longer while its webhooks are seen
 * ({@link WebhookCoverage}), as each delivery evicts it. Every value is configurable ({@code gateway.cache.*}).
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
                            && StateName.of(step.state()).isCompleted())
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
     * is as final as completed data; a running step's may still appear, so it is kept as briefly as live data.
     */
    Duration absence(UpstreamRequest request) {
        return request.settled() ? properties.completed() : properties.live();
    }

    /**
     * Whether {@code page} is a page of {@code /repositories/{workspace}/{repo}/pipelines/} of a repository whose
     * webhooks are seen, showing only completed pipelines: the next change to it (a new run, one completing) brings a
     * delivery, which evicts it. A running pipeline on the page moves on without one (its stage, its duration), and so
     * do the steps of any pipeline: those keep the short time.
     */
    private boolean settledListingWithWebhooks(UpstreamRequest request, BitbucketPage<?> page) {
        if (!page.values().stream().allMatch(item -> item instanceof BitbucketPipeline pipeline
                && StateName.of(pipeline.state()).isCompleted())) {
            return false;
        }
        String[] segments = request.path().split("/");
        return segments.length == 5 && request.path().endsWith("/") && segments[1].equals("repositories")
                && segments[4].equals("pipelines")
                && webhooks.covers(UriUtils.decode(segments[2], StandardCharsets.UTF_8),
                        UriUtils.decode(segments[3], StandardCharsets.UTF_8));
    }
}
