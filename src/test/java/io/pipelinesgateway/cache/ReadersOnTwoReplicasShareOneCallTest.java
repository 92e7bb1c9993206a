package io.pipelinesgateway.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelinesgateway.redis.RedisSettings;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the gateway over one Redis, each serving a reader who has proven access to acme/api with a
 * credential of their own: when both ask for the same steps at the same moment, one replica calls Bitbucket and the
 * other waits for the answer it stores in the shared tier, as readers on one replica already did. Should the call
 * fail, the other reader makes its own and gets its data, not the other's error; an answer that is not kept sends
 * the other reader to make its own call as soon as the lock is let go, not once the lock has timed out.
 */
class ReadersOnTwoReplicasShareOneCallTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIME = Duration.ofMillis(500);
    private static final String STEPS = "/repositories/acme/api/pipelines/%7Bp%7D/steps/";
    private static final String REPOSITORY = "acme/api";

    private final RedisClient client = RedisClient.create();
    private final String prefix = TestRedis.uniquePrefix();
    private final ResponseCache first = replica();
    private final ResponseCache second = replica();
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        client.shutdown();
    }

    @Test
    void readersOnTwoReplicasAskingAtOnceMakeOneCall() {
        List<String> answers = Flux.merge(read(first, "Bearer ada", answer(), Duration.ofMinutes(1)),
                read(second, "Bearer bob", answer(), Duration.ofMinutes(1)).delaySubscription(Duration.ofMillis(50)))
                .collectList().block();

        assertThat(answers).containsExactly("steps", "steps");
        assertThat(calls).as("one call for both replicas").hasValue(1);
    }

    @Test
    void aReaderWhoseCallOnTheOtherReplicaFailsMakesItsOwnAndGetsItsData() {
        Mono<String> refused = read(first, "Bearer ada", Mono.delay(CALL_TIME)
                .then(Mono.error(new IllegalStateException("ada's credential was refused"))), Duration.ofMinutes(1));
        Mono<String> waiting = read(second, "Bearer bob", answer(), Duration.ofMinutes(1))
                .delaySubscription(Duration.ofMillis(50));

        List<String> answers = Flux.merge(refused.onErrorReturn("refused"), waiting).collectList().block();

        assertThat(answers).containsExactly("refused", "steps");
    }

    @Test
    void anAnswerThatIsNotKeptSendsTheOtherReaderToCallWithoutWaitingOutTheLock() {
        long started = System.nanoTime();

        List<String> answers = Flux.merge(read(first, "Bearer ada", answer(), Duration.ZERO),
                read(second, "Bearer bob", answer(), Duration.ZERO).delaySubscription(Duration.ofMillis(50)))
                .collectList().block();

        assertThat(answers).containsExactly("steps", "steps");
        assertThat(calls).as("nothing to share").hasValue(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("well before the lock times out")
                .isLessThan(LOCK_TIMEOUT.dividedBy(2));
    }

    /** Bitbucket's answer, after the time a call takes, counted. */
    private Mono<byte[]> answer() {
        return Mono.delay(CALL_TIME).map(tick -> {
            calls.incrementAndGet();
            return "steps".getBytes(StandardCharsets.UTF_8);
        });
    }

    /**
     * A read on {@code replica} by a reader who has just proven access to acme/api and that its token may read
     * pipelines, kept for {@code kept}.
     */
    private Mono<String> read(ResponseCache replica, String authorization, Mono<byte[]> fetch, Duration kept) {
        return replica.accessProven(authorization, REPOSITORY, () -> null)
                .then(replica.pipelinesScopeProven(authorization))
                .then(replica.read("steps", STEPS, "?page=1", authorization, REPOSITORY, fetch,
                        bytes -> new String(bytes, StandardCharsets.UTF_8), value -> Freshness.fixed(kept), () -> { }));
    }

    private ResponseCache replica() {
        return new ResponseCache(new RedisResponseStore(TestRedis.connections(client, TestRedis.url(),
                Duration.ofSeconds(2)), Duration.ofHours(1)),
                new ResponseCacheProperties(true, "secret", Duration.ofHours(1), Duration.ofSeconds(5),
                        Duration.ofSeconds(15), Duration.ofSeconds(60), LOCK_TIMEOUT, 100, 1_000_000, true,
                        Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofMinutes(2)),
                new RedisSettings(prefix, Duration.ofMillis(250)), new SimpleMeterRegistry());
    }
}
