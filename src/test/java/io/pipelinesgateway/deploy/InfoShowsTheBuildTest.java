package io.pipelinesgateway.deploy;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/info} says which build runs (from the build-info the Maven build writes) and on which Java, so an
 * operator can tell replicas of a rolling deploy apart.
 */
class InfoShowsTheBuildTest extends GatewayTest {

    @Test
    void infoHoldsTheBuildsNameArtifactAndVersionAndTheJavaVersion() {
        JsonNode info = actuator("/actuator/info", HttpStatus.OK);

        assertThat(info.path("build").path("name").asString()).isEqualTo("Pipelines Gateway");
        assertThat(info.path("build").path("artifact").asString()).isEqualTo("pipelines-gateway");
        assertThat(info.path("build").path("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.path("java").path("version").asString()).isNotBlank();
    }
}
