package io.pipelinesgateway.bitbucket;

import java.io.IOException;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.ForwardProxy;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_BUILD;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a network whose only way out is a proxy, both of the gateway's clients of Bitbucket go through the one the
 * JVM's standard properties name: the REST API's calls, and the read of a completed log from where Bitbucket keeps it.
 * Neither host here resolves; only the proxy can reach them (a WireMock answers for both behind it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.cache.enabled=false", "gateway.bitbucket.retries=0"})
class CallsToBitbucketGoThroughTheJvmsProxyTest {

    private static final String BITBUCKET = "bitbucket.invalid";
    private static final String STORAGE = "storage.invalid";
    private static final String LOG = "/2.0" + stepPath(PIPELINE_42, STEP_BUILD) + "/log";
    private static final String STORED = "/logs/build.txt";
    private static final WireMockServer UPSTREAM = new WireMockServer(wireMockConfig().dynamicPort());
    private static final ForwardProxy PROXY;

    static {
        UPSTREAM.start();
        PROXY = ForwardProxy.to(UPSTREAM.port());
        // Read when the gateway's clients are built, and by the JDK's proxy selector at each call.
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(PROXY.port()));
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void aBitbucketOnlyTheProxyReaches(DynamicPropertyRegistry registry) {
        registry.add("gateway.bitbucket.base-url", () -> "http://" + BITBUCKET + "/2.0");
    }

    @AfterAll
    static void stop() throws IOException {
        System.clearProperty("http.proxyHost");
        System.clearProperty("http.proxyPort");
        PROXY.close();
        UPSTREAM.stop();
    }

    @Test
    void theApisCallsAndACompletedLogsReadGoThroughTheProxy() {
        UPSTREAM.stubFor(Payloads.stub("pipeline-42.json"));
        UPSTREAM.stubFor(Payloads.stub("step-build.json"));
        UPSTREAM.stubFor(get(urlPathEqualTo(LOG)).willReturn(aResponse().withStatus(307)
                .withHeader("Location", "http://" + STORAGE + STORED + "?X-Amz-Signature=5ec12e7")));
        UPSTREAM.stubFor(get(urlPathEqualTo(STORED)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("+ ./gradlew build\nBUILD SUCCESSFUL\n")));

        HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                        .defaultHeader("Authorization", Fixtures.bearer()).build())
                .document("""
                        { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
                            step(uuid: "%s") { log { tail(lines: 1) { text } } } } }""".formatted(PIPELINE_42, STEP_BUILD))
                .execute()
                .path("pipeline.step.log.tail.text").entity(String.class).isEqualTo("BUILD SUCCESSFUL\n");

        assertThat(PROXY.hosts()).contains(BITBUCKET, STORAGE)
                .allMatch(host -> host.equals(BITBUCKET) || host.equals(STORAGE));
        List<LoggedRequest> answered = UPSTREAM.findAll(anyRequestedFor(anyUrl()));
        assertThat(answered).extracting(request -> request.getHeader("Host")).contains(BITBUCKET, STORAGE);
    }
}
