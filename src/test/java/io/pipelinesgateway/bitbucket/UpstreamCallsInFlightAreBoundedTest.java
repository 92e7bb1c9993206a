package io.pipelinesgateway.bitbucket;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * However wide a query fans out, one credential never has more than {@code gateway.bitbucket.max-in-flight-per-caller}
 * calls to Bitbucket in flight, and the process never more than {@code gateway.bitbucket.max-in-flight}: the calls
 * past a bound wait for one to end, and every one is still answered.
 */
@TestPropertySource(properties = {"gateway.bitbucket.max-in-flight-per-caller=4", "gateway.bitbucket.max-in-flight=6"})
class UpstreamCallsInFlightAreBoundedTest extends GatewayTest {

    private static final int DELAY_MILLIS = 300;
    private static final String ANY_MOBILE_STEPS = "/2.0/repositories/acme/mobile/pipelines/%7B[0-9a-f-]+%7D/steps/";
    private static final String QUERY = """
            { repository(workspace: "acme", slug: "mobile") {
                pipelines(first: 20) { nodes { steps { name } } } } }""";

    @Test
    void oneCallerNeverHasMoreCallsInFlightThanItsBound() {
        stubTwentyPipelinesWithSlowSteps();

        List<String> answers = queries(Fixtures.bearer());

        assertThat(answers).singleElement().satisfies(answer -> assertThat(answer).contains("Build APK")
                .doesNotContain("errors"));
        List<LoggedRequest> stepCalls = bitbucket.findAll(getRequestedFor(urlPathMatching(ANY_MOBILE_STEPS)));
        assertThat(stepCalls).hasSize(20);
        assertThat(mostStartedWithinOneCall(stepCalls)).isEqualTo(4);
    }

    @Test
    void theProcessNeverHasMoreCallsInFlightThanItsBoundWhateverTheCallers() {
        stubTwentyPipelinesWithSlowSteps();

        List<String> answers = queries(Fixtures.bearer(), "Bearer a-second-caller");

        assertThat(answers).hasSize(2).allSatisfy(answer -> assertThat(answer).contains("Build APK")
                .doesNotContain("errors"));
        List<LoggedRequest> stepCalls = bitbucket.findAll(getRequestedFor(urlPathMatching(ANY_MOBILE_STEPS)));
        assertThat(stepCalls).hasSize(40);
        // Past one caller's 4 (the two callers' calls overlap), but never past the process's 6.
        assertThat(mostStartedWithinOneCall(stepCalls)).isEqualTo(6);
    }

    private void stubTwentyPipelinesWithSlowSteps() {
        given("repository-mobile.json");
        given("pipelines-mobile-20.json");
        bitbucket.stubFor(get(urlPathMatching(ANY_MOBILE_STEPS))
                .willReturn(Payloads.response("steps-mobile.json").withFixedDelay(DELAY_MILLIS)));
    }

    /** The answers to {@link #QUERY}, sent at once by each of {@code authorizations}. */
    private List<String> queries(String... authorizations) {
        WebClient http = WebClient.create("http://localhost:" + port);
        return Flux.fromArray(authorizations)
                .flatMap(authorization -> http.post().uri("/graphql")
                        .header(HttpHeaders.AUTHORIZATION, authorization)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("query", QUERY))
                        .retrieve().bodyToMono(String.class))
                .collectList()
                .block(Duration.ofSeconds(30));
    }

    /**
     * The most calls Bitbucket received within less than one call's delay: a place in flight frees only once its
     * call was answered, so no more calls than there are places can start within that time.
     */
    private static long mostStartedWithinOneCall(List<LoggedRequest> calls) {
        List<Long> received = calls.stream().map(call -> call.getLoggedDate().getTime()).sorted().toList();
        long most = 0;
        for (int first = 0; first < received.size(); first++) {
            long start = received.get(first);
            most = Math.max(most, received.stream()
                    .filter(at -> at >= start && at < start + DELAY_MILLIS - 50).count());
        }
        return most;
    }
}
