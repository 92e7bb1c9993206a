package io.pipelinesgateway.security;

import io.pipelinesgateway.support.FakeBitbucket;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the actuator endpoints that answer without a caller show: health is UP or DOWN and nothing more (no upstream
 * URL, no disk path), while a caller the gateway knows (an API key here) is shown every component; Prometheus's
 * scrape never names a workspace, whose tags carry a keyed hash of the slug instead.
 */
class TheOpenActuatorEndpointsShowNoDetailsTest extends ServiceModeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void healthShowsItsComponentsOnlyToAKnownCaller() {
        JsonNode anonymous = health(null);
        assertThat(anonymous.propertyNames()).containsExactlyInAnyOrder("status", "groups");

        JsonNode known = health(PORTAL_KEY);
        assertThat(known.path("components").path("bitbucket").path("details").path("url").asString())
                .isEqualTo(FakeBitbucket.baseUrl());
        assertThat(known.path("components").path("cache").path("status").asString()).isEqualTo("UP");
    }

    /** Health as a caller with {@code apiKey} (none: null) is shown it, UP (200) or, on a busy machine, DOWN (503). */
    private JsonNode health(String apiKey) {
        return JSON.readTree(http(null, "/actuator/health").mutate()
                .defaultHeaders(headers -> {
                    if (apiKey != null) {
                        headers.set("X-API-Key", apiKey);
                    }
                })
                .build()
                .get().exchange()
                .expectBody().returnResult().getResponseBody());
    }

    @Test
    void prometheusNamesNoWorkspace() {
        given("pipeline-42.json");
        String query = "{ pipeline(workspace: \"acme\", repository: \"api\", uuid: \"%s\") { buildNumber } }"
                .formatted(PIPELINE_42);
        withApiKey(PORTAL_KEY).document(query).execute().errors().verify();

        String scrape = prometheus();

        assertThat(scrape).contains("gateway_upstream_calls_saved{workspace=\"")
                .doesNotContain("workspace=\"acme\"");
    }
}
