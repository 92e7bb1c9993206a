package io.pipelinesgateway.cache;

import org.junit.jupiter.api.Test;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_TEST;
import static org.assertj.core.api.Assertions.assertThat;

/** Completed data never changes: asked for again, it costs no upstream call. */
class SecondQueryIsServedFromTheCacheTest extends CachingGatewayTest {

    static final String COMPLETED_PIPELINE = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                buildNumber status
                steps { name status }
                step(uuid: "%s") { testReport { total failed } } } }
            """.formatted(PIPELINE_42, STEP_TEST);

    private String answer(String credential, String query) {
        String response = rawResponse(credential, query);
        assertThat(response).doesNotContain("\"errors\"");
        return response;
    }

    @Test
    void aSecondIdenticalQueryMakesNoUpstreamCallForCompletedData() {
        given("pipeline-42.json");
        given("steps-pipeline-42.json");
        given("step-integration-tests.json");
        given("test-report-summary.json");
        String caller = freshCredential();

        String first = answer(caller, COMPLETED_PIPELINE);
        int callsForTheFirst = upstreamRequests().size();
        String second = answer(caller, COMPLETED_PIPELINE);

        assertThat(callsForTheFirst).isEqualTo(4);
        assertThat(upstreamRequests()).hasSize(callsForTheFirst);
        assertThat(second).isEqualTo(first);
    }
}
