package io.pipelinesgateway.bitbucket;

import java.time.Duration;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.basic;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static io.pipelinesgateway.support.Fixtures.pipelinesPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A workspace whose Bitbucket keeps failing gets fast errors instead of piled-up requests: after enough failures the
 * circuit opens and calls stop; once the pause is over a trial call that succeeds closes it again. A circuit is kept per
 * repository (per workspace for what is not a repository's), so one failing repository pauses no other. Only
 * Bitbucket failing counts: a change it rejects (a 4xx) is the caller's mistake and pauses no one.
 */
class CircuitBreakerTest extends GatewayTest {

    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);

    private static final String RUN = """
            mutation { runPipeline(input: {workspace: "acme", repository: "api", target: {ref: {refName: "main"}}}) {
              pipeline { uuid } userErrors { message } } }
            """;

    @DynamicPropertySource
    static void openAfterFourFailuresForOneSecond(DynamicPropertyRegistry registry) {
        registry.add("gateway.bitbucket.circuit-breaker.minimum-calls", () -> "4");
        registry.add("gateway.bitbucket.circuit-breaker.sliding-window-size", () -> "4");
        registry.add("gateway.bitbucket.circuit-breaker.open-for", () -> "1s");
        registry.add("gateway.bitbucket.circuit-breaker.half-open-calls", () -> "1");
    }

    @Autowired
    UpstreamCircuitBreakers breakers;

    /** The tests share one gateway: each starts with the circuit of acme/api closed and its count empty. */
    @BeforeEach
    void closeTheCircuit() {
        breakers.guarding(UpstreamRequest.of(UpstreamResource.PIPELINE, "repositories", "acme", "api")).reset();
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

    @Test
    void aRepositoryThatKeepsFailingPausesOnlyItself() {
        given("error-503.json");
        given("repository-mobile.json");
        given("workspace-acme.json");
        for (int i = 0; i < 4; i++) {
            graphQl.document(QUERY).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(error -> assertThat(code(error)).isEqualTo("UPSTREAM_UNAVAILABLE")));
        }
        graphQl.document(QUERY).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("pauses calls", "acme/api")));

        graphQl.document("""
                        { repository(workspace: "acme", slug: "mobile") { name }
                          workspace(slug: "acme") { name } }""")
                .execute().errors().verify()
                .path("repository.name").entity(String.class).isEqualTo("mobile")
                .path("workspace.name").entity(String.class).isEqualTo("Acme Corp");
    }

    @Test
    void changesBitbucketRejectsNeverOpenTheCircuitForOtherCallers() {
        bitbucket.stubFor(post(urlEqualTo(API_ROOT + pipelinesPath())).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody(Payloads.bytes("error-422.json"))));
        given("pipeline-42.json");

        for (int i = 0; i < 12; i++) {
            graphQl.document(RUN).execute().errors().verify()
                    .path("runPipeline.userErrors[0].message").entity(String.class)
                    .satisfies(message -> assertThat(message)
                            .contains("The pipeline cannot be read in its current state."));
        }

        graphQl(basic()).document(QUERY).execute().errors().verify()
                .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42);
        assertThat(bitbucket.findAll(postRequestedFor(urlEqualTo(API_ROOT + pipelinesPath()))))
                .as("every rejected change reached Bitbucket").hasSize(12);
    }

    private int calls() {
        return bitbucket.findAll(getOf(pipelinePath(PIPELINE_42))).size();
    }
}
