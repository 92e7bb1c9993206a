package io.pipelinesgateway.cache;

import java.time.Duration;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_43;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis going away costs the gateway its cache, nothing more: queries keep being answered from Bitbucket, health
 * shows the cache DOWN in its own component while readiness stays UP, and once Redis is back the cache serves again
 * without a restart.
 */
class RedisOutageTest extends GatewayTest {

    private static final TestRedis.Dedicated REDIS = TestRedis.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // A running pipeline: what is still changing lives only in the shared store, never decoded in the process.
    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber status } }
            """.formatted(PIPELINE_43);

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
        assertThat(cacheHealth()).isEqualTo("UP");

        REDIS.stop();
        readTwice("Bearer during-the-outage");
        assertThat(pipelineCalls()).as("both reads went upstream").isEqualTo(3);
        assertThat(cacheHealth()).isEqualTo("DOWN");
        assertThat(status("/actuator/health/readiness")).isEqualTo("UP");

        REDIS.restart();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(cacheHealth()).isEqualTo("UP"));
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

    private String cacheHealth() {
        return health("/actuator/health").path("components").path("cache").path("status").asString();
    }

    private String status(String path) {
        return health(path).path("status").asString();
    }

    private JsonNode health(String path) {
        byte[] body = http(null, path).get().exchange().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }
}
