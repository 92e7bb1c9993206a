package io.pipelinesgateway.security;

import io.pipelinesgateway.support.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static io.pipelinesgateway.security.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service mode: a request with no API key or JWT may introspect the schema and reach health and metrics for
 * Prometheus, but its data operations are refused with UNAUTHENTICATED, and a Bitbucket token in
 * {@code Authorization} is no credential of the gateway (it is refused, never forwarded).
 */
class ServiceModeWithoutACredentialIsRefusedTest extends ServiceModeTest {

    @Test
    void aQueryWithoutAKeyIsRefusedWithoutCallingBitbucket() {
        given("workspace-acme.json");

        assertRefused(graphQl(null).document("{ workspace(slug: \"acme\") { slug } }").execute(),
                "UNAUTHENTICATED", "X-API-Key");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void introspectionStaysOpen() {
        graphQl(null).document("{ __schema { queryType { name } } }").execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }

    @Test
    void aBitbucketTokenInAuthorizationIsRefusedAndNeverForwarded() {
        given("workspace-acme.json");

        http(null, "/graphql").post()
                .header(HttpHeaders.AUTHORIZATION, Fixtures.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ workspace(slug: \\\"acme\\\") { slug } }\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");

        assertThat(upstreamRequests()).isEmpty();
    }

    @Test
    void healthAndPrometheusAreOpenButOtherActuatorEndpointsNeedACaller() {
        // Reached, whatever the health is (a Redis shared with other tests may come and go).
        http(null, "/actuator/health").get().exchange().expectStatus()
                .value(status -> assertThat(status).isNotEqualTo(401));
        http(null, "/actuator/prometheus").get().exchange().expectStatus().isOk();
        http(null, "/actuator/metrics").get().exchange().expectStatus().isUnauthorized();
        http(null, "/actuator/metrics").mutate().defaultHeader("X-API-Key", OPS_KEY).build()
                .get().exchange().expectStatus().isOk();
    }
}
