package io.pipelinesgateway.bitbucket;

import io.pipelinesgateway.support.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica that cannot reach Bitbucket is not ready (503, component {@code bitbucket} DOWN with a short reason) so
 * traffic goes elsewhere, but it stays alive: restarting it would not bring Bitbucket back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// No other class shares this context: closed after the class rather than kept until the JVM exits.
@DirtiesContext
class UnreachableBitbucketMakesTheReplicaUnreadyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void pointTheGatewayAtAClosedPort(DynamicPropertyRegistry registry) {
        registry.add("gateway.bitbucket.base-url", () -> "http://127.0.0.1:" + TestRedis.freePort() + "/2.0");
    }

    @Test
    void readinessIsDownWithTheReasonWhileLivenessStaysUp() {
        JsonNode readiness = health("/actuator/health/readiness", HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(readiness.path("status").asString()).isEqualTo("DOWN");
        JsonNode bitbucket = readiness.path("components").path("bitbucket");
        assertThat(bitbucket.path("status").asString()).isEqualTo("DOWN");
        assertThat(bitbucket.path("details").path("reason").asString()).isEqualTo("Bitbucket cannot be reached.");
        assertThat(readiness.path("components").path("readinessState").path("status").asString()).isEqualTo("UP");

        assertThat(health("/actuator/health/liveness", HttpStatus.OK).path("status").asString()).isEqualTo("UP");
    }

    private JsonNode health(String path, HttpStatus expected) {
        return JSON.readTree(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri(path).exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody().returnResult().getResponseBody());
    }
}
