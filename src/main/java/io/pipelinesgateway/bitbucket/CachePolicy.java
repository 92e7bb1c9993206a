package io.pipelinesgateway.bitbucket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

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

    private final ResponseCacheProperties properties;
    private final WebhookCoverage webhooks;

    CachePolicy(ResponseCacheProperties properties, WebhookCoverage webhooks) {
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
        if (!page.values().stream().allMatch(item -> item instanceof BitbucketPipeline pipeline
                && completed(pipeline.state()))) {
            return false;
        }
        String[] segments = request.path().split("/");
        return segments.length == 5 && request.path().endsWith("/") && segments[1].equals("repositories")
                && segments[4].equals("pipelines")
                && webhooks.covers(UriUtils.decode(segments[2], StandardCharsets.UTF_8),
                        UriUtils.decode(segments[3], StandardCharsets.UTF_8));
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
