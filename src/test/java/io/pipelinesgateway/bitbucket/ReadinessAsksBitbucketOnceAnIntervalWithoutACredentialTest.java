package io.pipelinesgateway.bitbucket;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness includes the {@code bitbucket} component, UP while Bitbucket answers (a 404 for its bare REST root is an
 * answer): it asks with no credential, so no caller's rate limit pays for probes, and once an interval however many
 * probes come. Liveness never asks Bitbucket.
 */
@TestPropertySource(properties = "gateway.health.upstream-interval=1h")
// No other class shares this context: closed after the class rather than kept until the JVM exits.
@DirtiesContext
class ReadinessAsksBitbucketOnceAnIntervalWithoutACredentialTest extends GatewayTest {

    @Test
    void manyReadinessProbesCostBitbucketOneRequestWithNoAuthorizationHeader() {
        JsonNode liveness = actuator("/actuator/health/liveness", HttpStatus.OK);
        assertThat(liveness.path("status").asString()).isEqualTo("UP");
        assertThat(upstreamRequests()).as("liveness asks nothing upstream").isEmpty();

        for (int probe = 0; probe < 5; probe++) {
            JsonNode readiness = actuator("/actuator/health/readiness", HttpStatus.OK);
            assertThat(readiness.path("status").asString()).isEqualTo("UP");
            assertThat(readiness.path("components").path("bitbucket").path("status").asString()).isEqualTo("UP");
            assertThat(readiness.path("components").path("cache").path("status").asString()).isEqualTo("UP");
        }
        actuator("/actuator/health", HttpStatus.OK);

        List<LoggedRequest> requests = upstreamRequests();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getUrl()).isEqualTo(FakeBitbucket.API_ROOT);
        assertThat(requests.get(0).containsHeader("Authorization")).isFalse();
    }
}
