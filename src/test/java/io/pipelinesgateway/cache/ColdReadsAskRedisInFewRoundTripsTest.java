package io.pipelinesgateway.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelinesgateway.redis.RedisSettings;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cold read asks Redis a few things in a row (its entry, the proof of access and the shared copy, the lock, the
 * write), each in one round trip: a cold dashboard makes hundreds of them, on the same cores as the gateway. A reader
 * who has proven access to a repository and fetches its shared data keeps the answer twice, under its own credential
 * and once for the repository's readers: both entries go to Redis with one update of their index, and so do both
 * copies of an absence (a step without a test report). Counted on a Redis of the test's own, and as the client sends
 * them.
 */
class ColdReadsAskRedisInFewRoundTripsTest {

    private static final String STEPS = "/repositories/acme/api/pipelines/%7Bp%7D/steps/";
    private static final Pattern CALLS = Pattern.compile("cmdstat_(\\w+):calls=(\\d+)");

    private final TestRedis.Dedicated server = TestRedis.start();
    private final RedisClient client = RedisClient.create();
    private final AtomicInteger sent = countingCommandsOf(client);
    private final StatefulRedisConnection<String, String> redis = client.connect(RedisURI.create(server.url()));
    private final ResponseCache cache = new ResponseCache(new RedisResponseStore(TestRedis.connections(client,
            server.url(), Duration.ofSeconds(2)), Duration.ofHours(1)),
            new ResponseCacheProperties(true, "secret", Duration.ofHours(1), Duration.ofSeconds(5),
                    Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(5), 100, 1_000_000, true,
                    Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofMinutes(2)),
            new RedisSettings(TestRedis.uniquePrefix(), Duration.ofMillis(250)), new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        redis.close();
        client.shutdown();
        server.stop();
    }

    @Test
    void bothCopiesOfAFetchedAnswerAreStoredWithOneIndexUpdate() {
        assertThat(readAfterProvingAccess("steps")).isEqualTo("steps");

        assertThat(redis.sync().keys("*@shared")).hasSize(1);
        Map<String, Long> calls = commandCalls();
        assertThat(calls.get("sadd")).as("one index update for both copies").isEqualTo(1);
        assertThat(calls.get("pexpire")).isEqualTo(1);
    }

    @Test
    void bothCopiesOfAnAbsenceAreStoredWithOneIndexUpdateToo() {
        // No bytes: Bitbucket's 404 for something that does not exist, such as a step's test report.
        assertThat(readAfterProvingAccess("")).isEmpty();

        assertThat(redis.sync().keys("*@shared")).hasSize(1);
        assertThat(commandCalls().get("sadd")).as("one index update for both copies").isEqualTo(1);
    }

    @Test
    void aProvenReadersColdReadOfSharedDataTakesFourRoundTrips() {
        readAfterProvingAccess("steps");

        assertThat(sent).as("its entry; the proof and the shared copy; read or lock; the write and the unlock")
                .hasValue(4);
    }

    @Test
    void anotherReadersReadOfACompletedSharedCopyTakesThree() {
        readAfterProvingAccess("steps");
        cache.accessProven("Bearer bob", "acme/api", () -> null)
                .then(cache.pipelinesScopeProven("Bearer bob")).block();
        sent.set(0);

        assertThat(read("Bearer bob", "acme/api", "other", Duration.ofHours(1))).as("the shared copy")
                .isEqualTo("steps");
        assertThat(sent).as("its entry; the proofs and the shared copy; the copy kept as its own").hasValue(3);
    }

    @Test
    void aColdReadOfDataNobodyElseIsServedTakesThree() {
        cache.accessProven("Bearer ada", "acme/api", () -> null).block(); // the connection opened
        sent.set(0);
        assertThat(read("Bearer ada", null, "variables", Duration.ofMinutes(1))).isEqualTo("variables");

        assertThat(sent).as("its entry; read or lock; the write and the unlock").hasValue(3);
    }

    /**
     * Proves ada's access to acme/api (and that her token may read pipelines), forgets Redis's counts, then reads a
     * steps page Bitbucket answers so.
     */
    private String readAfterProvingAccess(String answer) {
        cache.accessProven("Bearer ada", "acme/api", () -> null)
                .then(cache.pipelinesScopeProven("Bearer ada")).block();
        redis.sync().configResetstat();
        sent.set(0);
        return read("Bearer ada", "acme/api", answer, Duration.ofHours(1));
    }

    /** A read of the steps page by {@code authorization}, which Bitbucket would answer with {@code answer}. */
    private String read(String authorization, String repository, String answer, Duration kept) {
        return cache.read("steps", STEPS, "?page=1", authorization, repository,
                Mono.just(answer.getBytes(StandardCharsets.UTF_8)), bytes -> new String(bytes, StandardCharsets.UTF_8),
                value -> Freshness.fixed(kept), () -> { }).block();
    }

    /** Counts the commands {@code client} sends, as Lettuce starts each. */
    private static AtomicInteger countingCommandsOf(RedisClient client) {
        AtomicInteger count = new AtomicInteger();
        client.addListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                count.incrementAndGet();
            }
        });
        return count;
    }

    private Map<String, Long> commandCalls() {
        Matcher matcher = CALLS.matcher(redis.sync().info("commandstats"));
        return matcher.results().collect(Collectors.toMap(result -> result.group(1),
                result -> Long.parseLong(result.group(2))));
    }
}
