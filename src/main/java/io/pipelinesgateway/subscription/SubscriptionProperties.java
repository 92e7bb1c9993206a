package io.pipelinesgateway.subscription;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much the gateway keeps for a subscriber that reads slower than events come, and how long it trusts a check of
 * a subscriber's access.
 *
 * @param bufferSize the events waiting for one subscriber at the most. Past it, a status subscription is closed
 *                   with SUBSCRIPTION_OVERFLOW, and a log subscription drops chunks and marks the next one it
 *                   delivers with {@code gap} and {@code droppedBytes}; either way no other subscriber waits
 * @param accessCheckReuse how long a credential's successful check that it may read a repository's pipelines also
 *                   admits that credential's further subscriptions to it. Checks of one credential and repository
 *                   made at the same moment share one check with Bitbucket, so a reconnect storm of thousands of
 *                   subscribers costs a check per credential, not per subscriber. A refusal is never reused past
 *                   its own call
 */
@ConfigurationProperties("gateway.subscriptions")
public record SubscriptionProperties(@DefaultValue("256") int bufferSize,
        @DefaultValue("5s") Duration accessCheckReuse) {

    public SubscriptionProperties {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("gateway.subscriptions.buffer-size must be at least 1");
        }
        if (accessCheckReuse.isNegative() || accessCheckReuse.isZero()) {
            throw new IllegalArgumentException("gateway.subscriptions.access-check-reuse must be positive");
        }
    }
}
