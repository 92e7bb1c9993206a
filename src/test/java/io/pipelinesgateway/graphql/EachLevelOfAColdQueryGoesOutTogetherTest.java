package io.pipelinesgateway.graphql;

import java.util.Date;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cold query over several levels (pipelines, their steps, the steps' test reports) sends each level's calls
 * together, each as soon as its parent is answered: none waits behind a fixed width of siblings, so the query takes
 * about its levels times Bitbucket's latency, with each distinct resource read once. And a field's call goes out as
 * soon as its own parent is answered, not once every sibling of that parent is: otherwise a cold query would take, level
 * by level, its slowest call of each level rather than its slowest chain of calls.
 */
class EachLevelOfAColdQueryGoesOutTogetherTest extends GatewayTest {

    private static final int DELAY_MILLIS = 600;
    private static final int SLOW_MILLIS = 2000;
    private static final String PIPELINE = "/2.0/repositories/acme/mobile/pipelines/%7B[0-9a-f-]+%7D";
    /** The first of the 20 pipelines, whose steps Bitbucket is slow to answer in the slow sibling's test. */
    private static final String SLOW_PIPELINE = "/2.0/repositories/acme/mobile/pipelines/"
            + "%7B6f2b0000-0000-4000-8000-000000000020%7D";
    private static final String QUERY = """
            { repository(workspace: "acme", slug: "mobile") {
                pipelines(first: 20) { nodes { steps { name testReport { total } } } } } }""";

    @Test
    void theStepsOf20PipelinesAndThenTheirTestReportsAreEachRequestedTogether() {
        given("repository-mobile.json");
        given("pipelines-mobile-20.json");
        stubStepsAndReports(0);
        // The first queries of a JVM pay for class loading and connections; this test times the fan-out only.
        graphQl.document(QUERY).execute().path("repository.pipelines.nodes").hasValue();
        bitbucket.resetRequests();
        stubStepsAndReports(DELAY_MILLIS);

        graphQl.document(QUERY).execute()
                .path("repository.pipelines.nodes[*].steps[0].name").entityList(String.class).hasSize(20);

        List<LoggedRequest> steps = bitbucket.findAll(getRequestedFor(urlPathMatching(PIPELINE + "/steps/")));
        List<LoggedRequest> reports = bitbucket.findAll(
                getRequestedFor(urlPathMatching(PIPELINE + "/steps/.+/test_reports")));
        assertThat(steps).hasSize(20).extracting(LoggedRequest::getUrl).doesNotHaveDuplicates();
        assertThat(reports).hasSize(20).extracting(LoggedRequest::getUrl).doesNotHaveDuplicates();
        // Twenty calls of one level, all sent before the first of them could have been answered.
        assertThat(spreadMillis(steps)).isLessThan(DELAY_MILLIS / 2);
        // And the reports went out as their steps arrived, not a round later (each with its own pipeline's steps,
        // so they are as far apart as the steps' answers).
        assertThat(first(reports) - last(steps)).isLessThan(DELAY_MILLIS + DELAY_MILLIS / 2);
    }

    @Test
    void theOtherPipelinesTestReportsAreAskedForWhileOnePipelinesStepsAreStillComing() {
        given("repository-mobile.json");
        given("pipelines-mobile-20.json");
        stubStepsAndReports(0);
        bitbucket.stubFor(get(urlPathEqualTo(SLOW_PIPELINE + "/steps/")).atPriority(1)
                .willReturn(Payloads.response("steps-mobile.json").withFixedDelay(SLOW_MILLIS)));

        graphQl.document(QUERY).execute()
                .path("repository.pipelines.nodes[*].steps[0].name").entityList(String.class).hasSize(20);

        LoggedRequest slowSteps = bitbucket.findAll(getRequestedFor(urlPathEqualTo(SLOW_PIPELINE + "/steps/")))
                .get(0);
        List<LoggedRequest> otherReports = bitbucket.findAll(
                        getRequestedFor(urlPathMatching(PIPELINE + "/steps/.+/test_reports"))).stream()
                .filter(report -> !report.getUrl().startsWith(SLOW_PIPELINE))
                .toList();
        assertThat(otherReports).hasSize(19).allSatisfy(report -> assertThat(report.getLoggedDate())
                .isBefore(new Date(slowSteps.getLoggedDate().getTime() + SLOW_MILLIS)));
    }

    private void stubStepsAndReports(int delayMillis) {
        bitbucket.stubFor(get(urlPathMatching(PIPELINE + "/steps/"))
                .willReturn(Payloads.response("steps-mobile.json").withFixedDelay(delayMillis)));
        bitbucket.stubFor(get(urlPathMatching(PIPELINE + "/steps/%7B[0-9a-f-]+%7D/test_reports"))
                .willReturn(Payloads.response("test-report-summary.json").withFixedDelay(delayMillis)));
    }

    private static long spreadMillis(List<LoggedRequest> calls) {
        return last(calls) - first(calls);
    }

    private static long first(List<LoggedRequest> calls) {
        return calls.stream().mapToLong(call -> call.getLoggedDate().getTime()).min().orElseThrow();
    }

    private static long last(List<LoggedRequest> calls) {
        return calls.stream().mapToLong(call -> call.getLoggedDate().getTime()).max().orElseThrow();
    }
}
