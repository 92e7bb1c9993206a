package io.pipelinesgateway.cache;

import java.time.Duration;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_43;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis going away costs the gateway its cache, nothing more: queries keep being answered from Bitbucket, and the
 * replica stays alive and ready (Redis is shared: its outage must not take every replica out of service), while
 * health shows the cache DOWN; once Redis is back the cache serves again, without a restart.
 */
class RedisOutageTest extends GatewayTest {

    private static final TestRedis.Dedicated REDIS = TestRedis.start();
    // A running pipeline: what is still changing lives only in the shared store, never decoded in the process.
    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber status } }
            """.formatted(PIPELINE_43);

    @Autowired
    ResponseCacheHealthIndicator cache;

    @DynamicPropertySource
    static void useARedisThisTestMayStop(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
        registry.add("spring.data.redis.url", REDIS::url);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.stop();
    }

    @Test
    void queriesKeepWorkingWhileRedisIsDownAndTheCacheServesAgainOnceItIsBack() {
        given("pipeline-43-running.json");
        readTwice("Bearer before-the-outage");
        assertThat(pipelineCalls()).as("the second read came from the cache").isEqualTo(1);
        assertThat(cacheHealth()).isEqualTo(Status.UP);

        REDIS.stop();
        readTwice("Bearer during-the-outage");
        assertThat(pipelineCalls()).as("both reads went upstream").isEqualTo(3);
        assertThat(cacheHealth()).isEqualTo(Status.DOWN);
        assertThat(status("/actuator/health", HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo("DOWN");
        assertThat(status("/actuator/health/readiness", HttpStatus.OK)).isEqualTo("UP");
        assertThat(status("/actuator/health/liveness", HttpStatus.OK)).isEqualTo("UP");

        REDIS.restart();
        await().atMost(Duration.ofSeconds(15)).until(() -> cacheHealth().equals(Status.UP));
        assertThat(status("/actuator/health", HttpStatus.OK)).isEqualTo("UP");
        readTwice("Bearer after-the-outage");
        assertThat(pipelineCalls()).as("the cache serves again").isEqualTo(4);
    }

    private void readTwice(String credential) {
        for (int i = 0; i < 2; i++) {
            graphQl(credential).document(QUERY).execute().errors().verify()
                    .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(43);
        }
    }

    private int pipelineCalls() {
        return bitbucket.findAll(getOf(pipelinePath(PIPELINE_43))).size();
    }

    private Status cacheHealth() {
        return cache.health().blockOptional(Duration.ofSeconds(5)).orElseThrow().getStatus();
    }

    private String status(String path, HttpStatus expected) {
        return actuator(path, expected).path("status").asString();
    }
}
