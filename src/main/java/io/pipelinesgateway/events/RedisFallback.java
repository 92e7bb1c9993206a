package io.pipelinesgateway.events;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this replica does without Redis for now. With Redis configured, events travel over Redis pub/sub and the
 * watchers coordinate in Redis; when Redis stops answering, both fall back to this process (events reach this
 * replica's subscribers in process, and its watchers poll what they need themselves) rather than leave subscribers
 * without news. It is one switch for both, so that they leave Redis together and come back together: the bus turns
 * it off only once this replica listens on Redis again, so no event published there from then on passes it by.
 * <p>
 * Shown as the gauge {@code gateway.events.fallback}: 1 while this replica has fallen back, 0 otherwise (and always
 * without Redis, where in process is the normal way).
 */
public final class RedisFallback {

    private static final Logger log = LoggerFactory.getLogger(RedisFallback.class);

    private final AtomicBoolean active = new AtomicBoolean();

    RedisFallback(MeterRegistry meterRegistry) {
        Gauge.builder("gateway.events.fallback", active, now -> now.get() ? 1 : 0)
                .description("1 while Redis does not answer and this replica's events and watchers work in process")
                .register(meterRegistry);
    }

    /** Whether events and coordination stay in this process now. */
    public boolean active() {
        return active.get();
    }

    /** A call to Redis failed: from now on, events and coordination stay in this process until Redis is back. */
    public void enter(Throwable cause) {
        if (active.compareAndSet(false, true)) {
            log.warn("Redis does not answer ({}): events and watchers work within this replica until it is back",
                    cause.toString());
        }
    }

    /** Redis answers again and this replica listens there again. */
    void leave() {
        if (active.compareAndSet(true, false)) {
            log.info("Redis answers again: events and watchers are shared through it once more");
        }
    }
}
