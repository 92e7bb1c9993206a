package io.pipelinesgateway.insights;

import java.time.Instant;
import java.util.Map;

import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.GeneratedBitbucket;
import io.pipelinesgateway.support.GeneratedBitbucket.GeneratedPipeline;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * With {@code gateway.insights.max-pipelines=2} and three pipelines in the window, the answer covers the two newest,
 * says it hit the cap, and reads nothing of the third.
 */
@TestPropertySource(properties = "gateway.insights.max-pipelines=2")
class InsightsSayWhenTheyHitTheCapTest extends GatewayTest {

    @Test
    void theNewestPipelinesUpToTheCapAreCoveredAndTheAnswerSaysSo() {
        GeneratedBitbucket generated = new GeneratedBitbucket(bitbucket).repository("acme", "api");
        Instant monday = Instant.parse("2026-11-16T10:00:00Z");
        GeneratedPipeline oldest = generated.pipeline("acme", "api", monday, "FAILED", "main", "aaa", 100);
        GeneratedPipeline middle = generated.pipeline("acme", "api", monday.plusSeconds(60), "SUCCESSFUL", "main",
                "bbb", 200);
        GeneratedPipeline newest = generated.pipeline("acme", "api", monday.plusSeconds(120), "SUCCESSFUL", "main",
                "ccc", 400);
        generated.stub();
        generated.step(oldest, "build", "FAILED", Map.of());
        generated.step(middle, "build", "SUCCESSFUL", Map.of());
        generated.step(newest, "build", "SUCCESSFUL", Map.of());

        graphQl.document("""
                        {
                          insights(window: {from: "2026-11-16T00:00:00Z", to: "2026-11-23T00:00:00Z"},
                                   filter: {workspaces: ["acme"]}) {
                            pipelinesCovered capped successRate buildMinutes window { from to }
                          }
                        }""").execute().errors().verify()
                .path("insights.pipelinesCovered").entity(Integer.class).isEqualTo(2)
                .path("insights.capped").entity(Boolean.class).isEqualTo(true)
                .path("insights.successRate").entity(Double.class).isEqualTo(1.0)
                .path("insights.buildMinutes").entity(Double.class).isEqualTo(10.0)
                .path("insights.window.to").entity(String.class).isEqualTo("2026-11-23T00:00:00Z");

        bitbucket.verify(exactly(0), getRequestedFor(urlPathEqualTo("/2.0/repositories/acme/api/pipelines/"
                + oldest.uuid().replace("{", "%7B").replace("}", "%7D") + "/steps/")));
    }
}
