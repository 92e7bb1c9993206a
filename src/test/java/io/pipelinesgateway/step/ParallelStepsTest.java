package io.pipelinesgateway.step;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of the pipelines in a list are read in parallel (bounded by {@code gateway.bitbucket.max-in-flight}
 * and {@code max-in-flight-per-caller}), not one after another. A behaviour test with a generous bound, not a benchmark.
 */
class ParallelStepsTest extends GatewayTest {

    private static final int DELAY_MILLIS = 400;
    private static final String ANY_MOBILE_STEPS = "/2.0/repositories/acme/mobile/pipelines/%7B[0-9a-f-]+%7D/steps/";

    private static final String QUERY = """
            { repository(workspace: "acme", slug: "mobile") {
                pipelines(first: 20) { nodes { uuid steps { name } } } } }
            """;

    @Test
    void readsTheStepsOf20PipelinesInParallel() {
        given("repository-mobile.json");
        given("pipelines-mobile-20.json");
        stubEveryPipelinesSteps(0);
        // The first queries of a JVM pay for class loading and connections; this test times the fan-out only.
        graphQl.document(QUERY).execute().path("repository.pipelines.nodes").hasValue();
        bitbucket.resetRequests();
        stubEveryPipelinesSteps(DELAY_MILLIS);

        long started = System.nanoTime();
        graphQl.document(QUERY).execute()
                .path("repository.pipelines.nodes[*].steps[0].name").entityList(String.class)
                .hasSize(20).satisfies(names -> assertThat(names).containsOnly("Build APK"));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        List<LoggedRequest> stepCalls = bitbucket.findAll(getRequestedFor(urlPathMatching(ANY_MOBILE_STEPS)));
        assertThat(stepCalls).hasSize(20);
        assertThat(stepCalls).extracting(LoggedRequest::getUrl).doesNotHaveDuplicates();
        // One after another would take 20 x 400 ms = 8 s; all at once, one round.
        assertThat(elapsedMillis).isLessThan(5L * DELAY_MILLIS);
        // And the calls overlapped: many were sent before the first could have been answered.
        Instant firstSent = stepCalls.stream().map(request -> request.getLoggedDate().toInstant())
                .min(Comparator.naturalOrder()).orElseThrow();
        long sentWhileTheFirstWaited = stepCalls.stream()
                .filter(request -> request.getLoggedDate().toInstant().isBefore(firstSent.plusMillis(DELAY_MILLIS)))
                .count();
        assertThat(sentWhileTheFirstWaited).isGreaterThanOrEqualTo(8);
    }

    private void stubEveryPipelinesSteps(int delayMillis) {
        bitbucket.stubFor(get(urlPathMatching(ANY_MOBILE_STEPS))
                .willReturn(Payloads.response("steps-mobile.json").withFixedDelay(delayMillis)));
    }
}
