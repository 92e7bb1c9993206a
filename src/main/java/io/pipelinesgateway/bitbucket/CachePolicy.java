package io.pipelinesgateway.bitbucket;

import java.time.Duration;
import java.util.Set;

import io.pipelinesgateway.cache.CacheProperties;

import org.springframework.stereotype.Component;

/**
 * How long each upstream answer may be served from the cache, by what it is: what has completed never changes and
 * is kept long; what is still running, and every list, is kept briefly; configuration sits in between. Every value
 * is configurable ({@code gateway.cache.*}).
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

    CachePolicy(CacheProperties properties) {
        this.properties = properties;
    }

    Duration timeToLive(String resource, Object value) {
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
            return allStepsDone ? properties.completed() : properties.list();
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
