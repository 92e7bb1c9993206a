package io.pipelinesgateway.logging;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.pipelinesgateway.bitbucket.UnreadableValues;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.LogLines;
import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request id is in the MDC of the lines a request's work logs on other threads, such as the upstream call
 * WebClient logs and the warning about an answer read on a Netty event loop, and of its access log line, over HTTP,
 * Server-Sent Events and WebSocket (where the handshake's id serves every operation of the connection). Reactor does
 * not restore it on every signal: each of these lines puts it into the MDC itself.
 */
class RequestIdReachesEveryLogLineOfTheRequestTest extends GatewayTest {

    private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client";

    @Test
    void theUpstreamCallsLinesCarryIt() {
        given("pipeline-42.json");
        try (LogLines upstream = LogLines.of(WEB_CLIENT, Level.DEBUG)) {
            http(Fixtures.bearer(), "/graphql").post()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(RequestId.HEADER, "upstream-trace-1")
                    .bodyValue(Map.of("query", """
                            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }"""
                            .formatted(PIPELINE_42)))
                    .exchange().expectStatus().isOk();

            assertThat(upstream.lines()).filteredOn(line -> line.message().contains("/pipelines/"))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line.mdc()).containsEntry("requestId", "upstream-trace-1"));
        }
    }

    @Test
    void theWarningAboutAnUpstreamAnswerItCouldNotFullyReadCarriesIt() {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode page = (ObjectNode) json.readTree(Payloads.bytes("pipelines-newest-first.json"));
        ((ObjectNode) ((ArrayNode) page.get("values")).get(2)).put("created_on", "not a date");
        given("repository-api.json");
        given("pipelines-newest-first.json", response -> okJson(json.writeValueAsString(page)));
        try (LogLines warnings = LogLines.of(UnreadableValues.class.getName(), Level.WARN)) {
            http(Fixtures.bearer(), "/graphql").post()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(RequestId.HEADER, "decode-trace-1")
                    .bodyValue(Map.of("query", """
                            { repository(workspace: "acme", slug: "api") { pipelines(first: 5) { nodes {
                                createdOn } } } }"""))
                    .exchange().expectStatus().isOk();

            assertThat(warnings.lines()).singleElement()
                    .satisfies(line -> assertThat(line.mdc()).containsEntry("requestId", "decode-trace-1"));
        }
    }

    @Test
    void theAccessLineOfAServerSentEventsRequestCarriesIt() {
        try (LogLines access = LogLines.of("io.pipelinesgateway.access", Level.INFO)) {
            WebClient.create("http://localhost:" + port).post().uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .header(RequestId.HEADER, "sse-trace-1")
                    .bodyValue(Map.of("query", "{ __typename }"))
                    .retrieve().bodyToFlux(String.class).blockLast(Duration.ofSeconds(10));

            assertThat(access.lines()).singleElement()
                    .satisfies(line -> assertThat(line.mdc()).containsEntry("requestId", "sse-trace-1"));
        }
    }

    @Test
    void everyOperationOfAWebSocketCarriesTheHandshakesId() {
        WebSocketGraphQlTester tester = WebSocketGraphQlTester.builder(
                        URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient())
                .headers(headers -> {
                    headers.set(HttpHeaders.AUTHORIZATION, Fixtures.bearer());
                    headers.set(RequestId.HEADER, "socket-trace-1");
                })
                .build();
        try (LogLines access = LogLines.of("io.pipelinesgateway.access", Level.INFO)) {
            tester.document("query First { __typename }").execute().path("__typename").hasValue();
            tester.document("{ pipeline(workspace: 1) { nope } }").execute().errors()
                    .satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error ->
                            assertThat(error.getExtensions()).containsEntry("requestId", "socket-trace-1")));

            assertThat(access.lines()).hasSize(2)
                    .allSatisfy(line -> assertThat(line.mdc()).containsEntry("requestId", "socket-trace-1"));
        }
        finally {
            tester.stop().block(Duration.ofSeconds(5));
        }
    }
}
