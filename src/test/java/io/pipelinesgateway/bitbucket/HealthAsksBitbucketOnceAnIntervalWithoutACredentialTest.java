package io.pipelinesgateway.bitbucket;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health includes the {@code bitbucket} component, UP while Bitbucket answers (a 404 for its bare REST root is an
 * answer): it asks with no credential, so no caller's rate limit pays for health checks, and once an interval however
 * many come. Liveness and readiness, which the kubelet asks every few seconds, never ask Bitbucket.
 */
@TestPropertySource(properties = "gateway.health.upstream-interval=1h")
// No other class shares this context: closed after the class rather than kept until the JVM exits.
@DirtiesContext
class HealthAsksBitbucketOnceAnIntervalWithoutACredentialTest extends GatewayTest {

    @Test
    void manyHealthChecksCostBitbucketOneRequestWithNoAuthorizationHeaderAndProbesNone() {
        for (int probe = 0; probe < 5; probe++) {
            assertThat(actuator("/actuator/health/liveness", HttpStatus.OK).path("status").asString()).isEqualTo("UP");
            assertThat(actuator("/actuator/health/readiness", HttpStatus.OK).path("status").asString())
                    .isEqualTo("UP");
        }
        assertThat(upstreamRequests()).as("probes ask nothing upstream").isEmpty();

        for (int check = 0; check < 5; check++) {
            assertThat(actuator("/actuator/health", HttpStatus.OK).path("status").asString()).isEqualTo("UP");
        }

        List<LoggedRequest> requests = upstreamRequests();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getUrl()).isEqualTo(FakeBitbucket.API_ROOT);
        assertThat(requests.get(0).containsHeader("Authorization")).isFalse();
    }
}
