package io.pipelinesgateway.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much the gateway keeps for a subscriber that reads slower than events come.
 *
 * @param bufferSize the events waiting for one subscriber at the most. Past it, a status subscription is closed
 *                   with SUBSCRIPTION_OVERFLOW, and a log subscription drops chunks and marks the next one it
 *                   delivers with {@code gap} and {@code droppedBytes}; either way no other subscriber waits
 */
@ConfigurationProperties("gateway.subscriptions")
public record SubscriptionProperties(@DefaultValue("256") int bufferSize) {

    public SubscriptionProperties {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("gateway.subscriptions.buffer-size must be at least 1");
        }
    }
}
