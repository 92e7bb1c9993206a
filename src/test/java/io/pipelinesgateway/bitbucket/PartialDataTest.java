package io.pipelinesgateway.bitbucket;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_43;
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;

/** A field whose upstream call fails is null with an error; the fields beside it still resolve. */
class PartialDataTest extends GatewayTest {

    @Test
    void resolvesTheOtherFieldsWhenOnePipelineFails() {
        given("pipeline-42.json");
        given("repository-api.json");
        bitbucket.stubFor(get(urlPathEqualTo(api(pipelinePath(PIPELINE_43)))).willReturn(aResponse()
                .withStatus(503).withHeader("Content-Type", "application/json")
                .withBody(Payloads.bytes("error-503.json"))));

        graphQl.document("""
                        { fine: pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber status }
                          broken: pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber }
                          repository(workspace: "acme", slug: "api") { name } }
                        """.formatted(PIPELINE_42, PIPELINE_43))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("UPSTREAM_UNAVAILABLE");
                    assertThat(error.getPath()).isEqualTo("broken");
                }))
                .path("broken").valueIsNull()
                .path("fine").matchesJsonStrictly("{\"buildNumber\": 42, \"status\": \"SUCCESSFUL\"}")
                .path("repository.name").entity(String.class).isEqualTo("api");
    }

    @Test
    void resolvesTheRestOfAStepWhenItsTestReportFails() {
        // The test cases, which may be ruled out by the report, are read anyway when the report cannot be.
        given("pipeline-42.json");
        given("step-integration-tests.json");
        given("test-cases.json");
        bitbucket.stubFor(get(urlPathEqualTo(api(stepPath(PIPELINE_42, STEP_TEST) + "/test_reports")))
                .willReturn(Payloads.response("error-500.json")));

        graphQl.document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                            buildNumber
                            step(uuid: "%s") { name testReport { total } testCases { totalCount } } } }
                        """.formatted(PIPELINE_42, STEP_TEST))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("UPSTREAM_UNAVAILABLE");
                    assertThat(error.getPath()).isEqualTo("pipeline.step.testReport");
                }))
                .path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42)
                .path("pipeline.step.name").entity(String.class).isEqualTo("Integration tests")
                .path("pipeline.step.testReport").valueIsNull()
                .path("pipeline.step.testCases.totalCount").entity(Integer.class).isEqualTo(4);
    }
}
