package io.pipelinesgateway.bitbucket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the {@code bitbucket} health check asks whether Bitbucket answers: it runs on every readiness probe of every
 * replica, so it is kept cheap for Bitbucket and quick for the kubelet.
 *
 * @param upstreamInterval how long one answer is reused, so many probes cost Bitbucket one request an interval
 * @param upstreamTimeout  how long the check waits for Bitbucket before it reports DOWN; below the readiness
 *                         probe's own timeout, so a slow Bitbucket reads as DOWN rather than as a probe that hangs
 */
@ConfigurationProperties("gateway.health")
public record UpstreamHealthProperties(
        @DefaultValue("30s") Duration upstreamInterval,
        @DefaultValue("1s") Duration upstreamTimeout) {
}
