package io.pipelinesgateway.bitbucket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the {@code bitbucket} health check asks whether Bitbucket answers: it may run whenever anyone asks
 * {@code /actuator/health}, on every replica, so it is kept cheap for Bitbucket and quick for whoever asks.
 *
 * @param upstreamInterval how long one answer is reused, so many health checks cost Bitbucket one request an interval
 * @param upstreamTimeout  how long the check waits for Bitbucket before it reports DOWN, so a slow Bitbucket reads
 *                         as DOWN rather than as a health check that hangs
 */
@ConfigurationProperties("gateway.health")
public record UpstreamHealthProperties(
        @DefaultValue("30s") Duration upstreamInterval,
        @DefaultValue("1s") Duration upstreamTimeout) {
}
