package io.pipelinesgateway.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.pipelinesgateway.redis.RedisConnections;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.repository.RepositoryKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event bus over Redis pub/sub, so that an event published by the one replica that watches a repository reaches
 * the subscribers on every replica, the publisher's own included, exactly once each.
 * <p>
 * One channel per repository ({@code <prefix>events:<workspace>/<repository>}); a replica subscribes to a channel
 * while it has a listener for that repository, so replicas receive only what their subscribers want. Both
 * connections come from {@link RedisConnections} (opened on first use and again after a failure, every operation
 * through its breaker); Lettuce re-subscribes the channels after a reconnect by itself. Redis pub/sub does not keep
 * messages: what another replica publishes while this one is cut off is lost to it, which is why this replica then
 * falls back to polling for its own subscribers ({@link RedisFallback}).
 */
class RedisEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

    private final Listeners listeners = new Listeners();
    private final RedisConnections redis;
    private final Mono<StatefulRedisPubSubConnection<String, String>> pubSub;
    /** Channels this replica subscribes to, each with the confirmation of its SUBSCRIBE; guarded by {@code this}. */
    private final Map<String, Mono<Void>> channels = new HashMap<>();
    private final String channelPrefix;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    RedisEventBus(RedisConnections redis, String keyPrefix, JsonMapper json) {
        this.redis = redis;
        this.channelPrefix = keyPrefix + "events:";
        this.writer = json.writerFor(WatchEvent.class);
        this.reader = json.readerFor(WatchEvent.class);
        this.pubSub = redis.pubSub(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                receive(message);
            }
        });
    }

    @Override
    public Mono<Void> publish(WatchEvent event) {
        return Mono.fromCallable(() -> writer.writeValueAsString(event))
                .flatMap(json -> redis.textInBackground(commands -> commands.publish(channel(event.repositoryKey()),
                        json)))
                .then();
    }

    @Override
    public Mono<Disposable> listen(RepositoryKey repository, Consumer<WatchEvent> listener) {
        return Mono.defer(() -> {
            Mono<Void> subscribed;
            synchronized (this) {
                listeners.add(repository, listener);
                subscribed = channels.computeIfAbsent(channel(repository), this::subscribe);
            }
            Disposable registration = () -> unlisten(repository, listener);
            return subscribed.thenReturn(registration)
                    .doOnCancel(registration::dispose)
                    .doOnError(failure -> registration.dispose());
        });
    }

    private Mono<Void> subscribe(String channel) {
        return redis.inBackground(pubSub, connection -> connection.reactive().subscribe(channel))
                // Again only while Redis is asked: once it did not answer, it is not asked until it does.
                .retryWhen(Retry.backoff(3, Duration.ofMillis(200)).filter(failure -> redis.available()))
                .onErrorMap(failure -> new GatewayException(ErrorCode.UPSTREAM_UNAVAILABLE,
                        "Redis, which carries events between the gateway's replicas, does not answer; subscribe "
                                + "again shortly."))
                .doOnError(failure -> {
                    synchronized (this) {
                        channels.remove(channel);
                    }
                })
                .cache();
    }

    /**
     * Completes once Redis answers on both connections and has confirmed anew every channel this replica listens on:
     * after an outage, proof that what is published from then on reaches this replica's listeners.
     */
    Mono<Void> resume() {
        String[] subscribed;
        synchronized (this) {
            subscribed = channels.keySet().toArray(String[]::new);
        }
        Mono<Void> listening = redis.inBackground(pubSub, connection -> subscribed.length == 0
                ? connection.reactive().ping().then()
                : connection.reactive().subscribe(subscribed));
        return listening.then(redis.textInBackground(RedisReactiveCommands::ping)).then();
    }

    private void unlisten(RepositoryKey repository, Consumer<WatchEvent> listener) {
        synchronized (this) {
            if (!listeners.remove(repository, listener)) {
                return;
            }
            String channel = channel(repository);
            channels.remove(channel);
            // Dispatched while holding the lock, so a SUBSCRIBE for a newcomer is always sent after it.
            redis.inBackground(pubSub, connection -> connection.reactive().unsubscribe(channel))
                    .subscribe(done -> { }, failure -> log.debug("Could not unsubscribe from {}: {}", channel,
                            failure.toString()));
        }
    }

    private void receive(String message) {
        WatchEvent event;
        try {
            event = reader.readValue(message);
        }
        catch (RuntimeException unreadable) {
            log.warn("Ignored an event the gateway could not read: {}", unreadable.toString());
            return;
        }
        listeners.dispatch(event);
    }

    private String channel(RepositoryKey repository) {
        return channelPrefix + repository.workspace() + "/" + repository.slug();
    }

    @Override
    public String kind() {
        return "redis";
    }
}
