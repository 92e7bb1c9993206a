package io.pipelinesgateway.logging;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response carries {@code X-Request-Id}: the caller's own when it is short and plain, a new one otherwise,
 * since it is written into logs and headers.
 */
class EveryResponseCarriesARequestIdTest extends GatewayTest {

    @Test
    void keepsTheCallersOwnId() {
        assertThat(requestIdAnswering("portal-7f3a:retry.2_x")).isEqualTo("portal-7f3a:retry.2_x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "new\u2028line", "quote\"d", "Bearer-or-not;x=1",
            "an-id-that-is-far-too-long-to-be-written-into-every-log-line-of-a-request-0123456789"})
    void replacesAnIdThatIsNotSafeToLogOrEcho(String unsafe) {
        assertThat(requestIdAnswering(unsafe)).isNotEqualTo(unsafe).matches("[0-9a-f-]{36}");
    }

    @Test
    void makesOneWhenTheCallerSendsNone() {
        String first = requestIdAnswering(null);
        String second = requestIdAnswering(null);

        assertThat(first).matches("[0-9a-f-]{36}");
        assertThat(second).matches("[0-9a-f-]{36}").isNotEqualTo(first);
    }

    @Test
    void answersEveryEndpointWithOne() {
        assertThat(http(null, "/actuator/health").get().exchange()
                .returnResult(String.class).getResponseHeaders().getFirst(RequestId.HEADER)).isNotBlank();
    }

    private String requestIdAnswering(String sent) {
        WebTestClient.RequestHeadersSpec<?> request = http(Fixtures.bearer(), "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ __typename }\"}");
        if (sent != null) {
            request.header(RequestId.HEADER, sent);
        }
        return request.exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(RequestId.HEADER);
    }
}
