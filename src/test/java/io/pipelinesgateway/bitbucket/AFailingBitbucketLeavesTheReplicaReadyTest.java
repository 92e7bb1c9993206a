package io.pipelinesgateway.bitbucket;

import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica whose Bitbucket fails stays ready and alive: Bitbucket is the same for every replica, so readiness that
 * followed it would take them all out of the Service at once, while each still answers what it has cached. Health
 * says DOWN, and, to a caller it does not know, nothing more (not the upstream URL, not the disk's path).
 */
// No other class shares this context: closed after the class rather than kept until the JVM exits.
@DirtiesContext
class AFailingBitbucketLeavesTheReplicaReadyTest extends GatewayTest {

    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }""".formatted(PIPELINE_42);

    @DynamicPropertySource
    static void cacheInProcess(DynamicPropertyRegistry registry) {
        registry.add("gateway.cache.enabled", () -> "true");
    }

    @Test
    void readinessStaysUpAndCachedAnswersKeepComingWhileHealthSaysDownWithoutDetails() {
        given("pipeline-42.json");
        read();

        bitbucket.resetAll();
        given("error-503.json");
        bitbucket.stubFor(get(urlEqualTo(FakeBitbucket.API_ROOT)).willReturn(serverError()));

        JsonNode health = actuator("/actuator/health", HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(health.path("status").asString()).isEqualTo("DOWN");
        assertThat(health.propertyNames()).as("what a caller it does not know is shown")
                .containsExactlyInAnyOrder("status", "groups");
        assertThat(actuator("/actuator/health/readiness", HttpStatus.OK).path("status").asString()).isEqualTo("UP");
        assertThat(actuator("/actuator/health/liveness", HttpStatus.OK).path("status").asString()).isEqualTo("UP");
        read();
        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42))))
                .as("the answer came from the cache").isEmpty();
    }

    private void read() {
        graphQl.document(QUERY).execute().errors().verify()
                .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42);
    }
}
