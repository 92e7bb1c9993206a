package io.pipelinesgateway.redis;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The one way to Redis of every part of the gateway that keeps state there (the cache, the rate limiter, persisted
 * queries, the event bus, the watchers' coordination), so that they all meet a slow or absent Redis the same way.
 * <p>
 * Connections open on first use, and again a second after a failed attempt, so a gateway started while Redis is
 * down still serves and picks Redis up once it answers; after that, Lettuce reconnects by itself.
 * <p>
 * Every operation goes through one breaker. An operation a request waits for may take the store timeout
 * ({@code gateway.redis.store-timeout}); one that no request waits for (the event bus's, the watchers') may take
 * four times as long, Lettuce's own command timeout, so a busy moment does not send them to their fallback. One that
 * takes longer, or fails for want of Redis (not an error Redis answered), opens the breaker, and from then on no part
 * asks Redis: operations fail at once, and each part does without Redis as it does while Redis is down. A ping asks
 * at once whether Redis answers, and again every half second until it does; the first answer closes the breaker. So
 * a Redis that takes connections but never answers (hung, paused) costs a request one store timeout at the most, not
 * one per operation, and a mere hiccup costs next to nothing. Shown as the gauge {@code gateway.redis.available}: 1
 * while the breaker is closed, 0 while it is open.
 */
public final class RedisConnections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnections.class);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    /** What an operation fails with while the breaker is open: no stack trace, as it is no surprise. */
    private static final RuntimeException OPEN = new IllegalStateException(
            "Redis is not asked until it answers again") {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    };

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final Duration backgroundTimeout;
    private final Mono<RedisReactiveCommands<String, String>> text;
    private final Mono<RedisReactiveCommands<String, byte[]>> binary;
    private final AtomicBoolean open = new AtomicBoolean();
    /** The ping under way while the breaker is open. */
    private final Disposable.Swap probe = Disposables.swap();

    /**
     * Connections of {@code client} to {@code uri}, each operation a request waits for allowed {@code timeout}; the
     * breaker's state is registered in {@code meterRegistry}.
     */
    public RedisConnections(RedisClient client, RedisURI uri, Duration timeout, MeterRegistry meterRegistry) {
        this.client = client;
        this.uri = uri;
        this.timeout = timeout;
        this.backgroundTimeout = timeout.multipliedBy(4);
        this.text = lazy(() -> client.connectAsync(StringCodec.UTF8, uri)).map(StatefulRedisConnection::reactive);
        this.binary = lazy(() -> client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri))
                .map(StatefulRedisConnection::reactive);
        Gauge.builder("gateway.redis.available", open, now -> now.get() ? 0 : 1)
                .description("1 while the gateway asks Redis, 0 while Redis did not answer and no part asks it")
                .register(meterRegistry);
    }

    /** An operation on text keys and values that a request waits for, through the breaker. */
    public <T> Mono<T> text(Function<RedisReactiveCommands<String, String>, Mono<T>> operation) {
        return guard(text, operation, timeout);
    }

    /** An operation on text keys and binary values (the cache's), through the breaker. */
    public <T> Mono<T> binary(Function<RedisReactiveCommands<String, byte[]>, Mono<T>> operation) {
        return guard(binary, operation, timeout);
    }

    /** An operation on text keys and values that no request waits for, through the breaker. */
    public <T> Mono<T> textInBackground(Function<RedisReactiveCommands<String, String>, Mono<T>> operation) {
        return guard(text, operation, backgroundTimeout);
    }

    /**
     * A connection of its own for pub/sub, opened on first use with {@code listener} added; operations on it go
     * through {@link #inBackground}.
     */
    public Mono<StatefulRedisPubSubConnection<String, String>> pubSub(RedisPubSubListener<String, String> listener) {
        return lazy(() -> client.connectPubSubAsync(StringCodec.UTF8, uri)
                .thenApply(connection -> {
                    connection.addListener(listener);
                    return connection;
                }));
    }

    /** An operation on {@code connection} (a pub/sub one) that no request waits for, through the breaker. */
    public <C, T> Mono<T> inBackground(Mono<C> connection, Function<C, Mono<T>> operation) {
        return guard(connection, operation, backgroundTimeout);
    }

    /** Whether Redis is asked now (the breaker is closed). */
    public boolean available() {
        return !open.get();
    }

    /**
     * Refused at once while the breaker is open; otherwise {@code operation}, which opens the breaker when Redis does
     * not answer within {@code limit} or cannot be reached. Opening the connection, the first time, is held to
     * Lettuce's own timeouts rather than to {@code limit}: TLS and authentication may take longer than a command.
     */
    private <C, T> Mono<T> guard(Mono<C> connection, Function<C, Mono<T>> operation, Duration limit) {
        return Mono.defer(() -> open.get() ? Mono.<T>error(OPEN) : connection
                .flatMap(connected -> operation.apply(connected).timeout(limit))
                .doOnError(this::trip));
    }

    private void trip(Throwable failure) {
        // An error Redis answered (a wrong type, a script's) is an answer: Redis is there.
        if (failure == OPEN || failure instanceof RedisCommandExecutionException || !open.compareAndSet(false, true)) {
            return;
        }
        log.warn("Redis did not answer ({}): the gateway does without it until it answers a ping, asked every {} ms",
                failure instanceof TimeoutException ? "not within the time allowed" : failure.toString(),
                PROBE_INTERVAL.toMillis());
        probe.update(text.flatMap(commands -> commands.ping().timeout(timeout))
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, PROBE_INTERVAL))
                .subscribe(pong -> answered(), impossible -> { }));
    }

    private void answered() {
        if (open.compareAndSet(true, false)) {
            log.info("Redis answers again: the gateway uses it again");
        }
    }

    @Override
    public void close() {
        probe.dispose();
    }

    /** A connection opened when first subscribed to, and again a second after a failed attempt. */
    private static <C> Mono<C> lazy(Supplier<CompletionStage<C>> connect) {
        return Mono.fromCompletionStage(connect)
                .cache(connected -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ofSeconds(1),
                        () -> Duration.ZERO);
    }
}
