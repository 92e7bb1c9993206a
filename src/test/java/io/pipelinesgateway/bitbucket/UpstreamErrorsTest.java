package io.pipelinesgateway.bitbucket;

import com.github.tomakehurst.wiremock.http.Fault;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.graphql.ResponseError;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way Bitbucket can fail a read becomes a GraphQL error whose {@code extensions.code} tells the caller what to
 * do, and the field is null. (416 on a log range is covered with the logs, in {@code StepLogTest}.)
 */
class UpstreamErrorsTest extends GatewayTest {

    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400, BAD_USER_INPUT",
            "401, UNAUTHENTICATED",
            "403, FORBIDDEN",
            "404, NOT_FOUND",
            "409, CONFLICT",
            "405, BAD_USER_INPUT",
            "410, BAD_USER_INPUT",
            "413, BAD_USER_INPUT",
            "422, BAD_USER_INPUT",
            "500, UPSTREAM_UNAVAILABLE",
            "502, UPSTREAM_UNAVAILABLE",
            "503, UPSTREAM_UNAVAILABLE"
    })
    void mapsAnUpstreamStatusToAnErrorCode(int status, String code) {
        given("error-" + status + ".json");

        ResponseError error = onlyError();

        assertThat(code(error)).isEqualTo(code);
        assertThat(error.getExtensions()).containsEntry("upstreamStatus", status).doesNotContainKey("retryAfter");
        assertThat(error.getPath()).isEqualTo("pipeline");
        assertThat(error.getMessage()).isNotBlank();
        assertThat(upstreamRequests()).hasSize(1);
    }

    @Test
    void namesWhatBitbucketRefusedByItsPathAsAPersonReadsIt() {
        given("error-403.json");

        assertThat(onlyError().getMessage()).contains("pipeline at /repositories/acme/api/pipelines/" + PIPELINE_42)
                .doesNotContain("%7B");
    }

    @Test
    void passesOnBitbucketsOwnExplanationOfABadRequest() {
        given("error-400.json");

        assertThat(onlyError().getMessage()).endsWith(": The pipeline UUID is malformed.");
    }

    @Test
    void passesOnBitbucketsOwnExplanationOfAStatusTheGatewayHasNoCodeFor() {
        given("error-422.json");

        assertThat(onlyError().getMessage()).contains("422")
                .endsWith(": The pipeline cannot be read in its current state.");
    }

    @Test
    void tellsWhenToRetryAfterTheRateLimitWasHit() {
        given("error-429.json", response -> response
                .withHeader("Retry-After", "37")
                .withHeader("X-RateLimit-Limit", "1000")
                .withHeader("X-RateLimit-Resource", "api-repositories")
                .withHeader("X-RateLimit-NearLimit", "false"));

        ResponseError error = onlyError();

        assertThat(code(error)).isEqualTo("RATE_LIMITED");
        assertThat(error.getExtensions()).containsEntry("retryAfter", 37).containsEntry("upstreamStatus", 429);
        assertThat(error.getMessage()).contains("37 seconds");
    }

    @Test
    void suggestsAMinuteWhenTheRateLimitAnswerSaysNotWhenToRetry() {
        given("error-429.json");

        ResponseError error = onlyError();

        assertThat(code(error)).isEqualTo("RATE_LIMITED");
        assertThat(error.getExtensions()).containsEntry("retryAfter", 60);
    }

    @Test
    void aRedirectItDoesNotFollowIsNotFoundNamingWhereBitbucketPointsAndIsNotAskedAgain() {
        bitbucket.stubFor(get(urlPathEqualTo(api(pipelinePath(PIPELINE_42)))).willReturn(aResponse().withStatus(301)
                .withHeader("Location", FakeBitbucket.baseUrl()
                        + pipelinePath(PIPELINE_42).replace("/acme/api/", "/acme/api-v2/"))));

        ResponseError error = onlyError();

        assertThat(code(error)).isEqualTo("NOT_FOUND");
        assertThat(error.getExtensions()).containsEntry("upstreamStatus", 301);
        assertThat(error.getMessage()).contains("elsewhere now (to /repositories/acme/api-v2/pipelines/");
        assertThat(upstreamRequests()).hasSize(1);
    }

    @Test
    void aRedirectOutsideBitbucketsApiIsNotNamed() {
        bitbucket.stubFor(get(urlPathEqualTo(api(pipelinePath(PIPELINE_42)))).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://elsewhere.example/p?X-Amz-Signature=5ec12e7")));

        ResponseError error = onlyError();

        assertThat(code(error)).isEqualTo("NOT_FOUND");
        assertThat(error.getMessage()).contains("elsewhere now,").doesNotContain("elsewhere.example", "5ec12e7");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void reportsAConnectionFailureAsUpstreamUnavailable(Fault fault) {
        bitbucket.stubFor(get(urlPathEqualTo(api(pipelinePath(PIPELINE_42)))).willReturn(aResponse().withFault(fault)));

        ResponseError error = onlyError();

        assertThat(code(error)).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(error.getExtensions()).doesNotContainKey("upstreamStatus");
    }

    @Test
    void reportsAnAnswerThatIsNotJsonAsUpstreamUnavailable() {
        bitbucket.stubFor(get(urlPathEqualTo(api(pipelinePath(PIPELINE_42)))).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bitbucket is down for maintenance</body></html>")));

        assertThat(code(onlyError())).isEqualTo("UPSTREAM_UNAVAILABLE");
    }

    private ResponseError onlyError() {
        ResponseError[] only = new ResponseError[1];
        graphQl.document(QUERY).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> only[0] = error))
                .path("pipeline").valueIsNull();
        return only[0];
    }
}
