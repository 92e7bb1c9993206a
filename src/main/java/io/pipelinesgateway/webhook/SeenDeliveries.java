package io.pipelinesgateway.webhook;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.SetArgs;
import io.pipelinesgateway.redis.RedisConnections;
import io.pipelinesgateway.redis.SharedState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The webhook deliveries received within {@code gateway.webhooks.replay-window}, by their {@code X-Hook-UUID} and
 * {@code X-Request-UUID}: Bitbucket's signature covers the body only, so a captured delivery could otherwise be sent
 * again and again. Kept in Redis when configured, so a delivery replayed to another replica is known there too (the
 * cache's key prefix, {@code SET NX} with the window as its expiry), else in this process; while Redis does not
 * answer ({@link RedisConnections}: its store timeout and breaker), this process remembers on its own.
 */
@Component
class SeenDeliveries {

    private static final Logger log = LoggerFactory.getLogger(SeenDeliveries.class);

    /** Deliveries remembered in process at the most: far more than Bitbucket sends in any window. */
    private static final long MAX_REMEMBERED = 100_000;

    private final Duration window;
    private final String prefix;
    private final Optional<RedisConnections> redis;
    private final Cache<String, Boolean> inProcess;

    SeenDeliveries(WebhookProperties properties, SharedState state) {
        this.window = properties.replayWindow();
        this.prefix = state.keyPrefix() + "webhook:";
        this.redis = state.redis();
        this.inProcess = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(window).build();
    }

    /** Records a delivery: true the first time it is seen within the window, false for a replay. */
    Mono<Boolean> firstTime(String delivery) {
        Mono<Boolean> here = Mono.fromSupplier(() -> inProcess.asMap().putIfAbsent(delivery, Boolean.TRUE) == null);
        return redis.map(connections -> connections
                        .text(commands -> commands.set(prefix + delivery, "1",
                                SetArgs.Builder.nx().px(window.toMillis())))
                        .map("OK"::equals)
                        .defaultIfEmpty(false)
                        .onErrorResume(error -> {
                            log.debug("Webhook delivery store unavailable, remembering in process: {}",
                                    error.toString());
                            return here;
                        }))
                .orElse(here);
    }
}
