package io.pipelinesgateway.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client past its allowance ({@code gateway.rate-limit.burst} at once, {@code .requests-per-minute} after that) is
 * refused with RATE_LIMITED, a message about this gateway's limit and when to retry, before anything of the operation
 * runs: it costs Bitbucket nothing.
 */
class OperationsPastTheRateLimitAreRefusedTest extends RateLimitedGatewayTest {

    private static final String PIPELINE = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);

    @Test
    void theOperationPastTheAllowanceIsRefusedWithRateLimitedAndMakesNoUpstreamCall() {
        given("pipeline-42.json");
        HttpGraphQlTester client = graphQl(newClient());
        for (int i = 0; i < 2; i++) {
            client.document(PIPELINE).execute().errors().verify()
                    .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42);
        }

        List<ResponseError> errors = new ArrayList<>();
        client.document(PIPELINE).execute().errors().satisfy(errors::addAll);

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(code(error)).isEqualTo("RATE_LIMITED");
            assertThat(error.getExtensions().get("retryAfter")).isInstanceOfSatisfying(Integer.class,
                    seconds -> assertThat(seconds).isBetween(1, 60));
            assertThat(error.getMessage()).contains("gateway's limit of 1 operations a minute")
                    .contains("retry after").doesNotContain("client-");
        });
        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42)))).as("only the two allowed reads").hasSize(2);
    }

    @Test
    void anHttpRefusalCarriesRetryAfterAndIsCountedWithoutNamingTheClient() {
        String client = newClient();
        rawResponse(client, TYPENAME);
        rawResponse(client, TYPENAME);

        String retryAfter = http(client, "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", TYPENAME))
                .exchange()
                .expectBody(String.class).value(body -> assertThat(body).contains("RATE_LIMITED"))
                .returnResult().getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).isNotNull().matches("[1-9][0-9]?");

        String metrics = http(null, "/actuator/prometheus").get().exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("gateway_rate_limit_rejections_total(\\{[^}]*\\})? [1-9]")
                .doesNotContain("client-");
    }

    @Test
    void underTheGraphQlResponseTypeARefusalIsA429WithRetryAfterAndUnderJsonA200() {
        String client = newClient();
        rawResponse(client, TYPENAME);
        rawResponse(client, TYPENAME);

        for (MediaType accept : List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)) {
            http(client, "/graphql").post()
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(accept)
                    .bodyValue(Map.of("query", TYPENAME))
                    .exchange()
                    .expectStatus().isEqualTo(accept.equals(MediaType.APPLICATION_JSON) ? HttpStatus.OK
                            : HttpStatus.TOO_MANY_REQUESTS)
                    .expectHeader().contentType(accept)
                    .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(value).matches("[1-9][0-9]?"))
                    .expectBody(String.class).value(body -> assertThat(body).contains("RATE_LIMITED"));
        }
    }
}
