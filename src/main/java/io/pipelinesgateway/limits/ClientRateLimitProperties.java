package io.pipelinesgateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many GraphQL operations one client may send. The other limits bound what one operation costs; this bounds how
 * many a client sends, so one runaway script or dashboard cannot spend the gateway (and its callers' share of
 * Bitbucket's rate limit) on everyone else's behalf.
 *
 * @param enabled           turns the per-client limit off entirely
 * @param requestsPerMinute the operations a client may send a minute, sustained (the rate its allowance refills at)
 * @param burst             the operations a client may send at once, after a quiet spell (the allowance's size)
 * @param upstreamCallsPerMinute service mode: the Bitbucket calls one client's queries and mutations may make a
 *                          minute, on the workspaces' shared credentials (all of them at once after a quiet spell);
 *                          0 turns this budget off
 */
@ConfigurationProperties("gateway.rate-limit")
public record ClientRateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("600") long requestsPerMinute,
        @DefaultValue("100") long burst,
        @DefaultValue("200") long upstreamCallsPerMinute) {

    public ClientRateLimitProperties {
        if (requestsPerMinute < 1 || burst < 1) {
            throw new IllegalArgumentException(
                    "gateway.rate-limit.requests-per-minute and .burst must be at least 1; turn the limit off with "
                            + "gateway.rate-limit.enabled=false");
        }
        if (upstreamCallsPerMinute < 0) {
            throw new IllegalArgumentException("gateway.rate-limit.upstream-calls-per-minute must be 0 (off) or more");
        }
    }
}
