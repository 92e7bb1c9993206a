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
