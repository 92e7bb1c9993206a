package io.pipelinesgateway.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;

/**
 * Tunes the simulated Bitbucket: how fast pipelines run and how slow the "network" is, so that demos and benchmarks
 * can show what the gateway saves, and tests can run pipelines to completion quickly.
 *
 * @param stepSeconds how long each step of a pipeline run through the sandbox takes, in seconds (fractions allowed)
 * @param latencyMs   latency added to every sandbox response, in milliseconds
 * @param loadWorkspaces            extra generated workspaces ({@code load-1}, {@code load-2}, ...) for benchmarks
 *                                  and load tests, their repositories shaped like the default
 *                                  seed's (steps without test reports, failed, running, pending and paused pipelines)
 * @param loadRepositoriesPerWorkspace how many repositories each generated workspace holds
 * @param sendWebhooks              whether the sandbox sends Bitbucket's commit status deliveries
 *                                  ({@code repo:commit_status_created}/{@code _updated}) to this gateway's
 *                                  {@code POST /webhooks/bitbucket} when its pipelines change; only while
 *                                  {@code gateway.webhooks.secret} is set, which signs them
 */
@Profile("sandbox")
@ConfigurationProperties("gateway.sandbox")
public record SandboxProperties(@DefaultValue("3") double stepSeconds, @DefaultValue("0") long latencyMs,
        @DefaultValue("0") int loadWorkspaces, @DefaultValue("10") int loadRepositoriesPerWorkspace,
        @DefaultValue("true") boolean sendWebhooks) {

    public SandboxProperties {
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("gateway.sandbox.step-seconds must be positive");
        }
        if (loadWorkspaces < 0 || loadRepositoriesPerWorkspace < 0) {
            throw new IllegalArgumentException("gateway.sandbox.load-* must not be negative");
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("gateway.sandbox.latency-ms must not be negative");
        }
    }

    /** The duration of one step, at millisecond precision. */
    public Duration stepDuration() {
        return Duration.ofMillis(Math.max(1, Math.round(stepSeconds * 1000)));
    }
}
