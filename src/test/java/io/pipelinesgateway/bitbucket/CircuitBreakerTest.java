package io.pipelinesgateway.bitbucket;

import java.time.Duration;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A workspace whose Bitbucket keeps failing gets fast errors instead of piled-up requests: after enough failures the
 * circuit opens and calls stop; once the pause is over a trial call that succeeds closes it again.
 */
class CircuitBreakerTest extends GatewayTest {

    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);

    @DynamicPropertySource
    static void openAfterFourFailuresForOneSecond(DynamicPropertyRegistry registry) {
        registry.add("gateway.bitbucket.circuit-breaker.minimum-calls", () -> "4");
        registry.add("gateway.bitbucket.circuit-breaker.sliding-window-size", () -> "4");
        registry.add("gateway.bitbucket.circuit-breaker.open-for", () -> "1s");
        registry.add("gateway.bitbucket.circuit-breaker.half-open-calls", () -> "1");
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndClosesWhenBitbucketRecovers() {
        given("error-503.json");
        for (int i = 0; i < 4; i++) {
            graphQl.document(QUERY).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(error -> assertThat(code(error)).isEqualTo("UPSTREAM_UNAVAILABLE")));
        }
        assertThat(calls()).isEqualTo(4);

        graphQl.document(QUERY).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> {
                    assertThat(code(error)).isEqualTo("UPSTREAM_UNAVAILABLE");
                    assertThat(error.getMessage()).contains("pauses calls");
                }));
        assertThat(calls()).as("the open circuit made no call").isEqualTo(4);

        bitbucket.resetAll();
        given("pipeline-42.json");
        await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                graphQl.document(QUERY).execute().errors().verify()
                        .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42));
        graphQl.document(QUERY).execute().errors().verify();
        assertThat(calls()).as("closed again: every query reaches Bitbucket").isEqualTo(2);
    }

    private int calls() {
        return bitbucket.findAll(getOf(pipelinePath(PIPELINE_42))).size();
    }
}
