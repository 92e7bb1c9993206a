package io.pipelinesgateway.cache;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pipelinesgateway.redis.RedisSettings;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every successful read of a repository proves its credential's access, and a cold dashboard reads each repository
 * hundreds of times: a replica writes the proof to Redis again at most once a fifth of the access window (here 10 s,
 * so 2 s), so a read soon after changes nothing in Redis, a read later renews it, and a refusal, which ends the proof
 * at once, lets the next successful read write it again at once.
 */
class AProofOfAccessIsWrittenAgainAtMostOnceAFifthOfItsWindowTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final String REPOSITORY = "acme/api";
    private static final String ADA = "Bearer ada";

    private final RedisClient client = RedisClient.create();
    private final String prefix = TestRedis.uniquePrefix();
    private final ResponseCache cache = new ResponseCache(new RedisResponseStore(TestRedis.connections(client,
            TestRedis.url(), Duration.ofSeconds(2)), Duration.ofHours(1)),
            new ResponseCacheProperties(true, "secret", Duration.ofHours(1), Duration.ofSeconds(5),
                    Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(5), 100, 1_000_000, true,
                    WINDOW, Duration.ofHours(24), Duration.ofMinutes(10), Duration.ofMinutes(2)),
            new RedisSettings(prefix, Duration.ofMillis(250)), new SimpleMeterRegistry());
    private final StatefulRedisConnection<String, String> redis = client.connect(RedisURI.create(
            TestRedis.url()));

    @AfterEach
    void stop() {
        redis.close();
        client.shutdown();
    }

    @Test
    void aReadSoonAfterTheProofWritesNothingAndALaterOneRenewsIt() throws InterruptedException {
        cache.accessProven(ADA, REPOSITORY, () -> null).block();
        long written = proofTimeToLiveMs();
        Thread.sleep(700);

        cache.accessProven(ADA, REPOSITORY, () -> null).block();
        assertThat(proofTimeToLiveMs()).as("not written again within a fifth of the window")
                .isLessThanOrEqualTo(written - 500);

        Thread.sleep(1_500);
        cache.accessProven(ADA, REPOSITORY, () -> null).block();
        assertThat(proofTimeToLiveMs()).as("renewed once a fifth of the window has passed")
                .isGreaterThan(WINDOW.toMillis() - 500);
    }

    @Test
    void aRefusalEndsTheProofAndTheNextSuccessfulReadWritesItAtOnce() {
        cache.accessProven(ADA, REPOSITORY, () -> null).block();
        cache.accessLost(ADA, REPOSITORY).block();
        assertThat(proofKeys()).as("ended at once").isEmpty();

        cache.accessProven(ADA, REPOSITORY, () -> null).block();

        assertThat(proofKeys()).hasSize(1);
    }

    private long proofTimeToLiveMs() {
        List<String> keys = proofKeys();
        assertThat(keys).hasSize(1);
        return redis.sync().pttl(keys.get(0));
    }

    private List<String> proofKeys() {
        return redis.sync().keys(prefix + "a:*");
    }
}
