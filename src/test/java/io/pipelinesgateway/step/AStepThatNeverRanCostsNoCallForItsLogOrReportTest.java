package io.pipelinesgateway.step;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step that never ran (NOT_RUN after a stop or a failure, or one not started yet) has no log and no test report:
 * the gateway answers so from the step itself, without asking Bitbucket for what it would answer 404.
 */
class AStepThatNeverRanCostsNoCallForItsLogOrReportTest extends GatewayTest {

    private static final String STOPPED_PIPELINE = "{1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c02}";
    private static final String NOT_RUN_STEP = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e02";

    @Test
    void aNotRunStepAnswersNoLogNoReportAndNoTestCasesWithoutACall() {
        // Anything else Bitbucket is asked (the stopped step's report and log) it answers with 404.
        bitbucket.stubFor(get(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"type\": \"error\", \"error\": "
                        + "{\"message\": \"Not found\"}}")));
        given("pipeline-109-stopped-rerun.json");
        given("steps-stopped-pipeline.json");

        graphQl.document("""
                        query($uuid: ID) { pipeline(workspace: "acme", repository: "api", uuid: $uuid) {
                          steps { status testReport { total } testCases(first: 5) { nodes { name } }
                                  log { size tail(lines: 5) { text } } } } }""")
                .variable("uuid", STOPPED_PIPELINE).execute().errors().verify()
                .path("pipeline.steps[1].status").entity(String.class).isEqualTo("NOT_RUN")
                .path("pipeline.steps[1].testReport").valueIsNull()
                .path("pipeline.steps[1].testCases.nodes").entityList(Object.class).hasSize(0)
                .path("pipeline.steps[1].log.size").entity(Long.class).isEqualTo(0L)
                .path("pipeline.steps[1].log.tail.text").entity(String.class).isEqualTo("");

        assertThat(upstreamRequests()).extracting(request -> request.getUrl())
                .isNotEmpty()
                .noneMatch(url -> url.contains(NOT_RUN_STEP));
    }
}
