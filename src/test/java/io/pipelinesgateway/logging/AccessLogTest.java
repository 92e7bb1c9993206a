package io.pipelinesgateway.logging;

import java.time.Duration;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.pipelinesgateway.repository.RepositoryKey;
import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.LogLines;
import io.pipelinesgateway.support.Payloads;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.support.TestSecrets;
import io.pipelinesgateway.watch.Watchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each GraphQL operation writes one line to {@code io.pipelinesgateway.access}: its type and name, outcome, error
 * codes and duration, with the request id in the MDC; never its variables, the literals of its query or a header. A
 * subscription's line is written when it ends, over WebSocket and Server-Sent Events alike: refused, as an error
 * with the refusal's code; once, whatever ends it, its client leaving before its stream started included.
 */
class AccessLogTest extends GatewayTest {

    private static final String ACCESS = "io.pipelinesgateway.access";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FOLLOWED = """
            subscription Followed { pipelineStatusChanged(workspace: "acme", repository: "api") { status } }""";

    @Autowired
    Watchers watchers;

    @Test
    void aQueryThatSucceedsWritesItsTypeNameOutcomeAndDuration() {
        given("pipeline-42.json");

        LogLines.Line line = onlyLineOf("""
                query OnePipeline($uuid: ID!) {
                  pipeline(workspace: "acme", repository: "api", uuid: $uuid) { buildNumber }
                }""", Map.of("uuid", PIPELINE_42), "OnePipeline", "access-ok");

        assertThat(line.message()).matches("query OnePipeline ok in \\d+ ms");
        assertThat(line.keyValues()).containsEntry("operation", "query").containsEntry("operationName", "OnePipeline")
                .containsEntry("outcome", "ok").containsEntry("errorCodes", "").containsKey("durationMs");
        assertThat(line.mdc()).containsEntry("requestId", "access-ok");
    }

    @Test
    void aMutationThatFailsWritesItsErrorCodesButNotItsVariablesOrLiterals() {
        LogLines.Line line = onlyLineOf("""
                mutation Create($value: String!) {
                  createVariable(input: {scope: {workspace: "acme", repository: "literal-repository-73"},
                                         key: "not a valid key", value: $value, secured: true}) {
                    variable { key }
                  }
                }""", Map.of("value", TestSecrets.ACCESS_LOG_SECRET), "Create", "access-error");

        assertThat(line.message()).startsWith("mutation Create error in ").endsWith("ms [BAD_USER_INPUT]")
                .doesNotContain(TestSecrets.ACCESS_LOG_SECRET, "literal-repository-73", Fixtures.BEARER_TOKEN);
        assertThat(line.keyValues()).containsEntry("outcome", "error").containsEntry("errorCodes", "BAD_USER_INPUT")
                .doesNotContainValue(TestSecrets.ACCESS_LOG_SECRET);
    }

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void aRefusedSubscriptionIsWrittenAsAnErrorWithItsCode(Subscriptions transport) {
        bitbucket.stubFor(any(urlPathMatching(FakeBitbucket.api("/repositories/acme/api.*")))
                .willReturn(Payloads.response("error-403.json")));

        try (LogLines access = LogLines.of(ACCESS, Level.INFO);
                Recorder<JsonNode> refused = Recorder.record(transport.subscribe(url(), Fixtures.bearer(),
                        FOLLOWED, "pipelineStatusChanged"))) {
            refused.awaitError(WAIT);

            assertThat(access.lines()).singleElement().satisfies(line -> {
                assertThat(line.message()).matches("subscription Followed error in \\d+ ms \\[FORBIDDEN]");
                assertThat(line.keyValues()).containsEntry("operation", "subscription")
                        .containsEntry("outcome", "error").containsEntry("errorCodes", "FORBIDDEN");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void anAdmittedSubscriptionIsWrittenWhenItsSubscriberLeaves(Subscriptions transport) {
        given("repository-api.json");
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(Fixtures.pipelinesPath())))
                .willReturn(Payloads.response("pipelines-newest-first.json")));
        RepositoryKey api = new RepositoryKey("acme", "api");

        try (LogLines access = LogLines.of(ACCESS, Level.INFO)) {
            try (Recorder<JsonNode> admitted = Recorder.record(transport.subscribe(url(), Fixtures.bearer(),
                    FOLLOWED, "pipelineStatusChanged"))) {
                await().atMost(WAIT).until(() -> admitted.error() != null || watchers.hasSubscribers(api));
                assertThat(admitted.error()).isNull();
                assertThat(access.lines()).as("lines while the subscription runs").isEmpty();
            }

            await().atMost(WAIT).until(() -> !access.lines().isEmpty());
            assertThat(access.lines()).singleElement().satisfies(line -> {
                assertThat(line.message()).matches("subscription Followed ok in \\d+ ms");
                assertThat(line.keyValues()).containsEntry("outcome", "ok").containsEntry("errorCodes", "");
            });
        }
    }

    /**
     * A client that closes its connection (not ending the subscription first, as graphql-ws's {@code dispose} and a
     * closed browser tab do) while its subscription runs left a running stream: {@code ok}, as a subscriber that ends
     * it, not {@code cancelled}, which is for a caller gone before its stream started.
     */
    @ParameterizedTest
    @EnumSource(Subscriptions.class)
    void aSubscriptionWhoseClientClosesItsConnectionWhileItRunsIsWrittenOk(Subscriptions transport) {
        given("repository-api.json");
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(Fixtures.pipelinesPath())))
                .willReturn(Payloads.response("pipelines-newest-first.json")));
        RepositoryKey api = new RepositoryKey("acme", "api");

        try (LogLines access = LogLines.of(ACCESS, Level.INFO)) {
            transport.subscribeAndLeave(url(), Fixtures.bearer(), FOLLOWED,
                    () -> await().atMost(WAIT).until(() -> watchers.hasSubscribers(api)));

            await().atMost(WAIT).until(() -> !access.lines().isEmpty());
            await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> access.lines().size() == 1);
            assertThat(access.lines()).singleElement().satisfies(line ->
                    assertThat(line.message()).matches("subscription Followed ok in \\d+ ms"));
        }
    }

    /**
     * Over Server-Sent Events the client is gone before the answer's body is written, so the subscription's stream is
     * never subscribed to: it never started, and is written {@code cancelled}. Over a WebSocket the socket closes
     * while the gateway answers the {@code subscribe} ({@code cancelled}) or once it has started the stream, which
     * the closed socket cancels ({@code ok}: its subscriber left), as the two race.
     */
    @ParameterizedTest
    @CsvSource({"SERVER_SENT_EVENTS, cancelled", "WEB_SOCKET, ok|cancelled"})
    void aSubscriptionWhoseClientLeavesAtOnceIsWrittenOnce(Subscriptions transport, String outcomes) {
        given("repository-api.json");
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(Fixtures.pipelinesPath())))
                .willReturn(Payloads.response("pipelines-newest-first.json")));

        try (LogLines access = LogLines.of(ACCESS, Level.INFO)) {
            transport.subscribeAndLeave(url(), Fixtures.bearer(), FOLLOWED);

            await().atMost(WAIT).until(() -> !access.lines().isEmpty());
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> access.lines().size() == 1);
            assertThat(access.lines()).singleElement().satisfies(line -> {
                assertThat(line.message()).matches("subscription Followed (" + outcomes + ") in \\d+ ms");
                assertThat(line.keyValues()).containsEntry("operation", "subscription")
                        .containsEntry("errorCodes", "");
            });
        }
    }

    @Test
    void anOperationNameThatIsNotAGraphQlNameIsNotWritten() {
        LogLines.Line line = onlyLineOf("{ __typename }", Map.of(), "Authorization: Bearer x", "access-name");

        assertThat(line.message()).doesNotContain("Authorization", "Bearer");
    }

    @Test
    void operatorsSilenceItWithTheLoggersLevel() {
        try (LogLines access = LogLines.of(ACCESS, Level.WARN)) {
            send("{ __typename }", Map.of(), null, "access-silent");

            assertThat(access.lines()).isEmpty();
        }
    }

    private LogLines.Line onlyLineOf(String query, Map<String, Object> variables, String operationName,
            String requestId) {
        try (LogLines access = LogLines.of(ACCESS, Level.INFO)) {
            send(query, variables, operationName, requestId);
            assertThat(access.lines()).hasSize(1);
            return access.lines().get(0);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }

    private void send(String query, Map<String, Object> variables, String operationName, String requestId) {
        Map<String, Object> body = operationName == null ? Map.of("query", query, "variables", variables)
                : Map.of("query", query, "variables", variables, "operationName", operationName);
        http(Fixtures.bearer(), "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .header(RequestId.HEADER, requestId)
                .bodyValue(body)
                .exchange();
    }
}
