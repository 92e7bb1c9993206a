package io.pipelinesgateway.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.pipelinesgateway.cache.RedisConnections;
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
 * connections are opened on first use and again after a failure; Lettuce re-subscribes the channels after a
 * reconnect by itself. Redis pub/sub does not keep messages: what another replica publishes while this one is cut off
 * is lost to it, which is why this replica then falls back to polling for its own subscribers ({@link RedisFallback}).
 */
class RedisEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);

    private final Listeners listeners = new Listeners();
    private final Mono<RedisReactiveCommands<String, String>> commands;
    private final Mono<StatefulRedisPubSubConnection<String, String>> pubSub;
    /** Channels this replica subscribes to, each with the confirmation of its SUBSCRIBE; guarded by {@code this}. */
    private final Map<String, Mono<Void>> channels = new HashMap<>();
    private final String channelPrefix;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    RedisEventBus(RedisClient client, RedisURI uri, String keyPrefix, JsonMapper json) {
        this.channelPrefix = keyPrefix + "events:";
        this.writer = json.writerFor(WatchEvent.class);
        this.reader = json.readerFor(WatchEvent.class);
        this.commands = RedisConnections.lazy(client, StringCodec.UTF8, uri);
        this.pubSub = Mono.fromCompletionStage(() -> client.connectPubSubAsync(StringCodec.UTF8, uri))
                .doOnNext(connection -> connection.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        receive(message);
                    }
                }))
                .cache(connected -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ofSeconds(1),
                        () -> Duration.ZERO);
    }

    @Override
    public Mono<Void> publish(WatchEvent event) {
        return Mono.fromCallable(() -> writer.writeValueAsString(event))
                .flatMap(json -> commands.flatMap(redis -> redis.publish(channel(event.repositoryKey()), json)))
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
        return pubSub.flatMap(connection -> connection.reactive().subscribe(channel))
                .timeout(Duration.ofSeconds(2))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(200)))
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
        Mono<Void> listening = pubSub.flatMap(connection -> subscribed.length == 0
                ? connection.reactive().ping().then()
                : connection.reactive().subscribe(subscribed));
        return listening.then(commands.flatMap(RedisReactiveCommands::ping)).then()
                .timeout(Duration.ofSeconds(2));
    }

    private void unlisten(RepositoryKey repository, Consumer<WatchEvent> listener) {
        synchronized (this) {
            if (!listeners.remove(repository, listener)) {
                return;
            }
            String channel = channel(repository);
            channels.remove(channel);
            // Dispatched while holding the lock, so a SUBSCRIBE for a newcomer is always sent after it.
            pubSub.flatMap(connection -> connection.reactive().unsubscribe(channel))
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
