package io.pipelinesgateway.bitbucket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import io.pipelinesgateway.cache.CacheProperties;
import io.pipelinesgateway.cache.Freshness;
import io.pipelinesgateway.cache.WebhookCoverage;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * How long each upstream answer may be served from the cache, by what it is: what has completed never changes and
 * is kept long; what is still running, and every list, is kept briefly; configuration sits in between. A
 * repository's pipelines listing of completed pipelines is kept longer while its webhooks are seen
 * ({@link WebhookCoverage}), as each delivery evicts it. Live data of a repository's pipelines is kept longer while
 * it stays unchanged ({@link #freshness}). Every value is configurable ({@code gateway.cache.*}).
 */
@Component
public class CachePolicy {

    /** Resources that are configuration: they change only when someone edits them, which evicts them. */
    private static final Set<String> CONFIGURATION = Set.of("workspace", "repository", "oidc_configuration",
            "oidc_keys", "workspace_variables", "repository_variables", "deployment_variables", "team_variables",
            "user_variables", "environments", "pipelines_config", "schedules", "schedule", "schedule_executions",
            "known_hosts", "known_host", "ssh_key_pair", "caches", "cache_content_uri",
            "workspace_variable", "repository_variable", "team_variable", "user_variable");

    /** Resources whose content is final once it exists. */
    private static final Set<String> FINAL = Set.of("test_report", "test_cases", "test_case_reasons");

    /**
     * Resources for which Bitbucket's 404 is an answer, not a failure: the step reported no tests, or has written no
     * log. Such an absence is cached like the data it stands for ({@link #absence}).
     */
    private static final Set<String> ABSENCE_IS_AN_ANSWER = Set.of("test_report", "test_cases", "test_case_reasons",
            "step_log", "container_log");

    private final CacheProperties properties;
    private final WebhookCoverage webhooks;

    CachePolicy(CacheProperties properties, WebhookCoverage webhooks) {
        this.properties = properties;
        this.webhooks = webhooks;
    }

    Duration timeToLive(UpstreamRequest request, Object value) {
        String resource = request.resource();
        if (FINAL.contains(resource)) {
            return properties.completed();
        }
        if (CONFIGURATION.contains(resource)) {
            return properties.configuration();
        }
        if (value instanceof BitbucketPipeline pipeline) {
            return completed(pipeline.state()) ? properties.completed() : properties.live();
        }
        if (value instanceof BitbucketStep step) {
            return completed(step.state()) ? properties.completed() : properties.live();
        }
        if (value instanceof BitbucketPage<?> page) {
            boolean allStepsDone = resource.equals("steps") && !page.values().isEmpty()
                    && page.values().stream().allMatch(item -> item instanceof BitbucketStep step
                            && completed(step.state()));
            return allStepsDone ? properties.completed()
                    : settledListingWithWebhooks(request, page) ? properties.listWithWebhooks() : properties.list();
        }
        return properties.live();
    }

    /** Whether Bitbucket's 404 for this request means "there is none", an answer to cache, rather than an error. */
    boolean notFoundIsAbsence(UpstreamRequest request) {
        return ABSENCE_IS_AN_ANSWER.contains(request.resource());
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
        return page.values().stream().allMatch(item -> item instanceof BitbucketPipeline pipeline
                && completed(pipeline.state())) && listingWithWebhooks(request);
    }

    /**
     * Whether {@code request} reads a page of {@code /repositories/{workspace}/{repo}/pipelines/} of a repository
     * whose webhooks are seen: a delivery evicts it when a pipeline starts or ends.
     */
    private boolean listingWithWebhooks(UpstreamRequest request) {
        String[] segments = request.path().split("/");
        return segments.length == 5 && request.path().endsWith("/") && segments[1].equals("repositories")
                && segments[4].equals("pipelines")
                && webhooks.covers(UriUtils.decode(segments[2], StandardCharsets.UTF_8),
                        UriUtils.decode(segments[3], StandardCharsets.UTF_8));
    }

    // Stability-adaptive freshness of live data (issue 12): the base times above, grown while an answer is unchanged.

    /**
     * How long an answer is kept ({@link #timeToLive(UpstreamRequest, Object)}), and for live data of a repository's
     * pipelines (a listing page kept for {@code list}: one showing unfinished pipelines, or any of a repository whose
     * webhooks are not seen; an unfinished pipeline or step, a steps list with unfinished steps) how far that grows
     * while it is fetched again unchanged: up to
     * {@code gateway.cache.live-stable-max}, or for a listing of a repository whose webhooks are seen, which a
     * delivery evicts when a pipeline starts or ends, up to {@code list-with-webhooks} when that is longer. A
     * pipeline waiting for a runner or paused at a manual step then stops costing a call at every view.
     */
    Freshness freshness(UpstreamRequest request, Object value) {
        return grownWhileUnchanged(request, timeToLive(request, value));
    }

    /** How long an absence is kept ({@link #absence}): a running step's missing report grows like live data. */
    Freshness absenceFreshness(UpstreamRequest request) {
        return grownWhileUnchanged(request, absence(request));
    }

    private Freshness grownWhileUnchanged(UpstreamRequest request, Duration base) {
        boolean live = request.pipelinesOfRepository() != null && !base.isZero() && !base.isNegative()
                && base.compareTo(properties.completed()) < 0;
        if (!live) {
            return Freshness.fixed(base);
        }
        Duration bound = listingWithWebhooks(request) && properties.listWithWebhooks()
                .compareTo(properties.liveStableMax()) > 0 ? properties.listWithWebhooks() : properties.liveStableMax();
        return new Freshness(base, bound);
    }

    /**
     * A log is cached only once its step has completed: before that its end, and so the size every slice reports,
     * keeps moving.
     */
    Duration timeToLive(boolean logComplete) {
        return logComplete ? properties.completed() : Duration.ZERO;
    }

    static boolean completed(BitbucketState state) {
        if (state == null) {
            return false;
        }
        if (state.name() != null) {
            return state.name().equalsIgnoreCase("COMPLETED");
        }
        return state.type() != null && state.type().contains("_state_completed");
    }
}
