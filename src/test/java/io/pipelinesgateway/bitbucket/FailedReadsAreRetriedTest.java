package io.pipelinesgateway.bitbucket;

import java.util.Map;

import io.pipelinesgateway.security.Caller;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.bearer;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A read that fails the way a passing outage does (5xx, a timeout) is tried again with backoff, and the caller never
 * notices; one that keeps failing ends in UPSTREAM_UNAVAILABLE. A 4xx is the caller's to fix and is not tried again.
 * Changes are never retried: they are not idempotent.
 */
class FailedReadsAreRetriedTest extends ResilientGatewayTest {

    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);

    @Autowired
    BitbucketClient client;

    @Test
    void a503ThenA200AnswersTheQuery() {
        bitbucket.stubFor(Payloads.stub("error-503.json").inScenario("outage").whenScenarioStateIs(STARTED)
                .willReturn(Payloads.response("error-503.json")).willSetStateTo("recovered"));
        bitbucket.stubFor(Payloads.stub("pipeline-42.json").inScenario("outage").whenScenarioStateIs("recovered")
                .willReturn(Payloads.response("pipeline-42.json")));

        graphQl.document(QUERY).execute().errors().verify()
                .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42);

        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42)))).hasSize(2);
    }

    @Test
    void aReadThatTimesOutIsTriedAgain() {
        bitbucket.stubFor(Payloads.stub("pipeline-42.json").inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(Payloads.response("pipeline-42.json").withFixedDelay(3000)).willSetStateTo("fast"));
        bitbucket.stubFor(Payloads.stub("pipeline-42.json").inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(Payloads.response("pipeline-42.json")));

        graphQl.document(QUERY).execute().errors().verify()
                .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42);

        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42)))).hasSize(2);
    }

    @Test
    void aReadThatKeepsFailingEndsInUpstreamUnavailableAfterTheRetries() {
        given("error-503.json");

        graphQl.document(QUERY).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(code(error)).isEqualTo("UPSTREAM_UNAVAILABLE")));

        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42)))).hasSize(3);
    }

    @Test
    void aReadBitbucketRejectsWithA4xxIsTheCallersMistakeAndIsNotTriedAgain() {
        given("error-422.json");

        graphQl.document(QUERY).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(code(error)).isEqualTo("BAD_USER_INPUT")));

        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42)))).hasSize(1);
    }

    @Test
    void aChangeIsNotRetried() {
        String path = "/workspaces/acme/pipelines-config/variables";
        bitbucket.stubFor(post(urlPathEqualTo(FakeBitbucket.api(path)))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody(Payloads.text("error-503.json"))));

        assertThatThrownBy(() -> client.send(HttpMethod.POST, UpstreamRequest.of(
                        UpstreamResource.WORKSPACE_VARIABLES, "workspaces", "acme", "pipelines-config", "variables"),
                        Map.of("key", "K", "value", "v"), BitbucketVariable.class)
                .contextWrite(context -> context.put(Caller.CONTEXT_KEY,
                        new Caller.Bitbucket(Credential.fromAuthorizationHeader(bearer()))))
                .block())
                .isInstanceOf(io.pipelinesgateway.error.GatewayException.class);

        assertThat(bitbucket.findAll(postRequestedFor(urlPathEqualTo(FakeBitbucket.api(path))))).hasSize(1);
    }
}
