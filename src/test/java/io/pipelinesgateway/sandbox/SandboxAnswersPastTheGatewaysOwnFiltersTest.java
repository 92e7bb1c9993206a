package io.pipelinesgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.sandbox.SandboxHttp.Reply;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The sandbox stands for Bitbucket, whose answers cost the gateway no work of its own: a sandbox request passes none
 * of the gateway's filters after the sandbox's (its security writes headers on every answer it lets through) and is
 * not counted among the gateway's HTTP requests.
 */
class SandboxAnswersPastTheGatewaysOwnFiltersTest extends SandboxHttpTest {

    private static final String SECURITY_HEADER = "X-Content-Type-Options";

    @Autowired
    MeterRegistry meters;

    @Test
    void aSandboxAnswerCarriesNoHeaderOfTheGatewaysSecurity() {
        Reply gateways = http.exchange(HttpMethod.GET, URI.create("http://localhost:" + port + "/actuator/health"),
                "/actuator/health", null);
        assertThat(gateways.headers().getFirst(SECURITY_HEADER)).as("the gateway's own answer").isEqualTo("nosniff");

        Reply sandbox = http.get("/repositories/acme/api/pipelines");
        assertThat(sandbox.status()).isEqualTo(200);
        assertThat(sandbox.headers().containsHeader(SECURITY_HEADER)).isFalse();
    }

    @Test
    void theSandboxsRequestsAreNotAmongTheGatewaysHttpRequests() {
        http.exchange(HttpMethod.GET, URI.create("http://localhost:" + port + "/actuator/health"),
                "/actuator/health", null);
        assertThat(http.get("/repositories/acme/api/pipelines").status()).isEqualTo(200);
        assertThat(http.get("/user").status()).isEqualTo(200);

        assertThat(meters.find("http.server.requests").tag("uri", "/actuator/health").timers())
                .as("the gateway's own request").isNotEmpty();
        assertThat(meters.find("http.server.requests").timers())
                .noneMatch(timer -> timer.getId().getTag("uri").startsWith("/sandbox"));
    }
}
