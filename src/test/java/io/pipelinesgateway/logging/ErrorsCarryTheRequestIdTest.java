package io.pipelinesgateway.logging;

import java.util.Map;

import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GraphQL error carries the request id in {@code extensions.requestId}, whatever raised it (an upstream
 * answer, a refused query, an invalid document), so a caller can quote it to whoever reads the logs.
 */
class ErrorsCarryTheRequestIdTest extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anUpstreamErrorCarriesIt() {
        given("error-404.json");

        String query = """
                { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }""".formatted(PIPELINE_42);
        JsonNode errors = errorsOf(query, "support-case-404");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("NOT_FOUND");
            assertThat(error.path("extensions").path("requestId").asString()).isEqualTo("support-case-404");
        });
    }

    @Test
    void anInvalidQueryCarriesIt() {
        JsonNode errors = errorsOf("{ pipeline(workspace: 1) { nope } }", "support-case-invalid");

        assertThat(errors).isNotEmpty().allSatisfy(error ->
                assertThat(error.path("extensions").path("requestId").asString()).isEqualTo("support-case-invalid"));
    }

    @Test
    void aQueryTooLargeCarriesIt() {
        JsonNode errors = errorsOf("{ __typename " + " ".repeat(25_000) + "}", "support-case-large");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("QUERY_TOO_LARGE");
            assertThat(error.path("extensions").path("requestId").asString()).isEqualTo("support-case-large");
        });
    }

    private JsonNode errorsOf(String query, String requestId) {
        byte[] body = http(Fixtures.bearer(), "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .header(RequestId.HEADER, requestId)
                .bodyValue(Map.of("query", query))
                .exchange()
                .expectBody().returnResult().getResponseBody();
        JsonNode errors = JSON.readTree(body).path("errors");
        assertThat(errors.valueStream().toList()).as("errors").isNotEmpty();
        return errors;
    }
}
