package io.pipelinesgateway.subscription;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends the open subscriptions when this instance stops, before the web server's graceful shutdown waits for its
 * requests: a subscription never ends by itself, so otherwise every stop (each step of a rolling deploy) would wait
 * out the whole shutdown timeout and then cut subscribers off without a word. Each one is told SHUTTING_DOWN, with
 * what to do: subscribe again, and another instance serves it.
 */
@Component
class SubscriptionShutdown implements SmartLifecycle {

    private final Set<SubscriberBuffer> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    /** Tracks a subscription's buffer while it is open. */
    void opened(SubscriberBuffer buffer) {
        open.add(buffer);
    }

    void closed(SubscriberBuffer buffer) {
        open.remove(buffer);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        GatewayException stopping = new GatewayException(ErrorCode.SHUTTING_DOWN, "This gateway instance is "
                + "stopping; subscribe again, and another instance will serve the subscription.");
        open.forEach(buffer -> buffer.end(stopping));
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (a lower phase), so that it has nothing left to wait for. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
