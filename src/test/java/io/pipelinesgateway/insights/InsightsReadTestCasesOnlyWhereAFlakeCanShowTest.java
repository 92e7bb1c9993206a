package io.pipelinesgateway.insights;

import java.time.Instant;
import java.util.Map;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import io.pipelinesgateway.support.GeneratedBitbucket.GeneratedPipeline;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Through GraphQL over the fake Bitbucket: a test that failed and then passed on a rerun of commit bbb is reported
 * flaky, and test cases are read only for that commit's pipelines (built twice, once without success), not for
 * commit aaa's single successful run. The rerun is also main's recovery.
 */
class InsightsReadTestCasesOnlyWhereAFlakeCanShowTest extends GatewayTest {

    private static final String INSIGHTS = """
            {
              insights(filter: {workspaces: ["acme"]},
                       window: {from: "2026-11-16T00:00:00Z", to: "2026-11-23T00:00:00Z"}) {
                pipelinesCovered capped successRate
                flakyTests { name repository commit failures passes }
                recovery { recoveries medianSeconds }
              }
            }""";

    @Test
    void aTestThatFailedThenPassedOnARerunIsFlakyAndOnlyThatCommitsTestsAreRead() {
        GeneratedBitbucket generated = new GeneratedBitbucket(bitbucket).repository("acme", "api");
        Instant monday = Instant.parse("2026-11-16T10:00:00Z");
        GeneratedPipeline green = generated.pipeline("acme", "api", monday, "SUCCESSFUL", "main", "aaa", 300);
        GeneratedPipeline red = generated.pipeline("acme", "api", monday.plusSeconds(3600), "FAILED", "main", "bbb",
                300);
        GeneratedPipeline rerun = generated.pipeline("acme", "api", monday.plusSeconds(7200), "SUCCESSFUL", "main",
                "bbb", 300);
        generated.stub();
        String greenTests = generated.step(green, "build", "SUCCESSFUL", Map.of("OrderTest.total", "SUCCESS"));
        String redTests = generated.step(red, "build", "FAILED",
                Map.of("OrderTest.total", "SUCCESS", "OrderTest.discount", "FAILED"));
        String rerunTests = generated.step(rerun, "build", "SUCCESSFUL",
                Map.of("OrderTest.total", "SUCCESS", "OrderTest.discount", "SUCCESS"));

        graphQl.document(INSIGHTS).execute().errors().verify()
                .path("insights.pipelinesCovered").entity(Integer.class).isEqualTo(3)
                .path("insights.capped").entity(Boolean.class).isEqualTo(false)
                .path("insights.successRate").entity(Double.class).isEqualTo(2 / 3.0)
                .path("insights.flakyTests[*].name").entityList(String.class).containsExactly("OrderTest.discount")
                .path("insights.flakyTests[0].commit").entity(String.class).isEqualTo("bbb")
                .path("insights.flakyTests[0].repository").entity(String.class).isEqualTo("acme/api")
                // main failed at 11:05 and recovered at 12:05.
                .path("insights.recovery.recoveries").entity(Integer.class).isEqualTo(1)
                .path("insights.recovery.medianSeconds").entity(Integer.class).isEqualTo(3600);

        bitbucket.verify(exactly(0), getRequestedFor(urlPathEqualTo(greenTests)));
        bitbucket.verify(exactly(1), getRequestedFor(urlPathEqualTo(redTests)));
        bitbucket.verify(exactly(1), getRequestedFor(urlPathEqualTo(rerunTests)));
    }
}
