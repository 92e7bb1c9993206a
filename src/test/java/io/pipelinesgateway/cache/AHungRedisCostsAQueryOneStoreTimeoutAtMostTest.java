package io.pipelinesgateway.cache;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_43;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Redis that takes connections but answers nothing (a real one, paused with SIGSTOP, as a hung Redis is) costs a
 * query one store timeout at the most, not one per Redis operation (the cache's reads, lock and write, the rate
 * limit): the first operation left unanswered stops the gateway asking Redis, so that query and those after it are
 * answered from Bitbucket at once. Once Redis answers again (SIGCONT), the gateway uses it again by itself.
 */
class AHungRedisCostsAQueryOneStoreTimeoutAtMostTest extends GatewayTest {

    private static final TestRedis.Dedicated REDIS = TestRedis.start();
    private static final Duration STORE_TIMEOUT = Duration.ofMillis(250);
    /** What a query may take beyond the store timeout on a busy machine; each Redis operation waited for costs 250. */
    private static final Duration MARGIN = Duration.ofMillis(600);
    // A running pipeline: what is still changing is read from the shared store every time, never kept in process.
    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber status } }
            """.formatted(PIPELINE_43);

    @Autowired
    MeterRegistry meterRegistry;

    @DynamicPropertySource
    static void useARedisThisTestMayPause(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("gateway.redis.store-timeout", STORE_TIMEOUT::toString);
        registry.add("spring.data.redis.url", REDIS::url);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.resume();
        REDIS.stop();
    }

    @Test
    void queriesWhileRedisHangsPayOneStoreTimeoutAtTheMostAndTheCacheServesOnceRedisAnswersAgain() {
        given("pipeline-43-running.json");
        read("Bearer before-the-hang");
        read("Bearer before-the-hang");
        assertThat(pipelineCalls()).as("the second read came from the cache").isEqualTo(1);

        REDIS.pause();
        try {
            for (int query = 1; query <= 5; query++) {
                long started = System.nanoTime();
                read("Bearer during-the-hang");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as("query %d while Redis hangs", query).isLessThan(STORE_TIMEOUT.plus(MARGIN));
            }
            assertThat(pipelineCalls()).as("every read went to Bitbucket").isEqualTo(6);
            assertThat(redisAvailable()).isZero();
        }
        finally {
            REDIS.resume();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> redisAvailable() == 1);
        read("Bearer after-the-hang");
        read("Bearer after-the-hang");
        assertThat(pipelineCalls()).as("the cache serves again").isEqualTo(7);
    }

    private void read(String credential) {
        graphQl(credential).document(QUERY).execute().errors().verify()
                .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(43);
    }

    private int pipelineCalls() {
        return bitbucket.findAll(getOf(pipelinePath(PIPELINE_43))).size();
    }

    private double redisAvailable() {
        return meterRegistry.get("gateway.redis.available").gauge().value();
    }
}
