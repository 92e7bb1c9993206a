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
 * A field's call goes out as soon as its own parent is answered, not once every sibling of that parent is: when one
 * pipeline's steps are slow to come, the other pipelines' steps have their test reports asked for while the slow
 * call is still in flight. Otherwise a cold query would take, level by level, its slowest call of each level rather
 * than its slowest chain of calls.
 */
class ASlowSiblingHoldsBackNoOtherBranchTest extends GatewayTest {

    private static final int SLOW_MILLIS = 2000;
    private static final String PIPELINE = "/2.0/repositories/acme/mobile/pipelines/%7B[0-9a-f-]+%7D";
    /** The first of the 20 pipelines, whose steps Bitbucket is slow to answer. */
    private static final String SLOW_PIPELINE = "/2.0/repositories/acme/mobile/pipelines/"
            + "%7B6f2b0000-0000-4000-8000-000000000020%7D";
    private static final String QUERY = """
            { repository(workspace: "acme", slug: "mobile") {
                pipelines(first: 20) { nodes { steps { name testReport { total } } } } } }""";

    @Test
    void theOtherPipelinesTestReportsAreAskedForWhileOnePipelinesStepsAreStillComing() {
        given("repository-mobile.json");
        given("pipelines-mobile-20.json");
        bitbucket.stubFor(get(urlPathMatching(PIPELINE + "/steps/"))
                .willReturn(Payloads.response("steps-mobile.json")));
        bitbucket.stubFor(get(urlPathEqualTo(SLOW_PIPELINE + "/steps/")).atPriority(1)
                .willReturn(Payloads.response("steps-mobile.json").withFixedDelay(SLOW_MILLIS)));
        bitbucket.stubFor(get(urlPathMatching(PIPELINE + "/steps/%7B[0-9a-f-]+%7D/test_reports"))
                .willReturn(Payloads.response("test-report-summary.json")));

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
}
