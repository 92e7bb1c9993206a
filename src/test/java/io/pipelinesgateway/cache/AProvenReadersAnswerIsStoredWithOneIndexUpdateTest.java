package io.pipelinesgateway.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelinesgateway.redis.RedisSettings;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader who has proven access to a repository and fetches its shared data keeps the answer twice, under its own
 * credential and once for the repository's readers: both entries go to Redis with one update of their index, as a
 * cold dashboard stores hundreds of such answers, and so do both copies of an absence (a step without a test
 * report). Counted on a Redis of the test's own.
 */
class AProvenReadersAnswerIsStoredWithOneIndexUpdateTest {

    private static final String STEPS = "/repositories/acme/api/pipelines/%7Bp%7D/steps/";
    private static final Pattern CALLS = Pattern.compile("cmdstat_(\\w+):calls=(\\d+)");

    private final TestRedis.Dedicated server = TestRedis.start();
    private final RedisClient client = RedisClient.create();
    private final StatefulRedisConnection<String, String> redis = client.connect(RedisURI.create(server.url()));
    private final ResponseCache cache = new ResponseCache(new RedisResponseStore(TestRedis.connections(client,
            server.url(), Duration.ofSeconds(2)), Duration.ofHours(1)),
            new ResponseCacheProperties(true, "secret", Duration.ofHours(1), Duration.ofSeconds(5),
                    Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(5), 100, 1_000_000, true,
                    Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(2)),
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

    /** Proves ada's access to acme/api, forgets Redis's counts, then reads a steps page Bitbucket answers so. */
    private String readAfterProvingAccess(String answer) {
        cache.accessProven("Bearer ada", "acme/api").block();
        redis.sync().configResetstat();
        return cache.read("steps", STEPS, "?page=1", "Bearer ada", "acme/api",
                Mono.just(answer.getBytes(StandardCharsets.UTF_8)), bytes -> new String(bytes, StandardCharsets.UTF_8),
                value -> Freshness.fixed(Duration.ofMinutes(1))).block();
    }

    private Map<String, Long> commandCalls() {
        Matcher matcher = CALLS.matcher(redis.sync().info("commandstats"));
        return matcher.results().collect(Collectors.toMap(result -> result.group(1),
                result -> Long.parseLong(result.group(2))));
    }
}
