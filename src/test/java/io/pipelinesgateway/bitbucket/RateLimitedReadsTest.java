package io.pipelinesgateway.bitbucket;

import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket's 429: a short {@code Retry-After} is waited out and the read made once more; a long one is not worth
 * holding a query open for, so the caller gets RATE_LIMITED at once, with {@code retryAfter} to schedule its retry.
 */
class RateLimitedReadsTest extends ResilientGatewayTest {

    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);

    @Test
    void aShortRetryAfterIsWaitedOutAndTheReadSucceeds() {
        bitbucket.stubFor(Payloads.stub("error-429.json").inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(Payloads.response("error-429.json").withHeader("Retry-After", "1"))
                .willSetStateTo("reset"));
        bitbucket.stubFor(Payloads.stub("pipeline-42.json").inScenario("limit").whenScenarioStateIs("reset")
                .willReturn(Payloads.response("pipeline-42.json")));

        long started = System.nanoTime();
        graphQl.document(QUERY).execute().errors().verify()
                .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42);

        assertThat(System.nanoTime() - started).as("it waited the second Bitbucket asked for")
                .isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42)))).hasSize(2);
    }

    @Test
    void aLongRetryAfterAnswersRateLimitedWithRetryAfterAndNoSecondCall() {
        given("error-429.json", response -> response.withHeader("Retry-After", "120"));

        graphQl.document(QUERY).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> {
                    assertThat(code(error)).isEqualTo("RATE_LIMITED");
                    assertThat(error.getExtensions()).containsEntry("retryAfter", 120);
                    assertThat(error.getMessage()).contains("120 seconds");
                }));

        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42)))).hasSize(1);
    }
}
