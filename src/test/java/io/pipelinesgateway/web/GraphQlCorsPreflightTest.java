package io.pipelinesgateway.web;

import io.pipelinesgateway.support.RecordingUpstreamGatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's CORS preflight for {@code POST /graphql} is answered with the CORS headers for an origin listed in
 * {@code gateway.cors.allowed-origins}, and refused without them for any other origin. The default allowed headers
 * include those Apollo Client sends when an app sets its {@code name} and {@code version}.
 */
class GraphQlCorsPreflightTest extends RecordingUpstreamGatewayTest {

    private WebTestClient.ResponseSpec preflightFrom(String origin) {
        return preflightFrom(origin, "authorization, content-type");
    }

    private WebTestClient.ResponseSpec preflightFrom(String origin, String requestHeaders) {
        return http("/graphql").options()
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, requestHeaders)
                .exchange();
    }

    @Test
    void aPreflightFromAnAllowedOriginGetsTheCorsHeaders() {
        preflightFrom(ALLOWED_ORIGIN)
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase())
                                .contains("authorization").contains("content-type"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void aPreflightForApolloClientsNameAndVersionHeadersIsAllowed() {
        preflightFrom(ALLOWED_ORIGIN,
                "apollographql-client-name, apollographql-client-version, authorization, content-type")
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase())
                                .contains("apollographql-client-name").contains("apollographql-client-version"));
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoCorsHeaders() {
        preflightFrom("https://evil.example.net")
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
