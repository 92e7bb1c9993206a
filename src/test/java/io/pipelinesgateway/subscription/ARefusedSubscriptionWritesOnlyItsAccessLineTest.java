package io.pipelinesgateway.subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import io.pipelinesgateway.logging.RequestId;
import io.pipelinesgateway.support.LiveSandboxTest;
import io.pipelinesgateway.support.LogLines;
import io.pipelinesgateway.support.Recorder;
import io.pipelinesgateway.support.Subscriptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscription Bitbucket refuses (a credential it does not accept, one without the scope, a repository it does not
 * show) is the client's mistake: it writes its access line and nothing else, over WebSocket and Server-Sent Events
 * alike. Every line the gateway and its libraries write at the default level (INFO) or above while it is refused is
 * counted, whatever request id it carries or lacks.
 */
@LiveSandboxTest
class ARefusedSubscriptionWritesOnlyItsAccessLineTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ACCESS = "io.pipelinesgateway.access";

    @LocalServerPort
    int port;

    static Stream<Arguments> refusals() {
        return Stream.of(Subscriptions.values()).flatMap(transport -> Stream.of(
                Arguments.of(transport, "Bearer someone", "nope1", "NOT_FOUND"),
                Arguments.of(transport, "Bearer invalid", "api", "UNAUTHENTICATED"),
                Arguments.of(transport, "Bearer forbidden", "api", "FORBIDDEN")));
    }

    @ParameterizedTest(name = "{3} over {0}")
    @MethodSource("refusals")
    void aRefusalWritesItsAccessLineAndNothingElse(Subscriptions transport, String authorization, String repository,
            String code) {
        String requestId = "refused-" + code + "-over-" + transport;
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        headers.set(RequestId.HEADER, requestId);

        List<LogLines.Line> lines;
        try (LogLines log = LogLines.of(Logger.ROOT_LOGGER_NAME, Level.INFO);
                Recorder<JsonNode> refused = Recorder.record(transport.subscribe(url(), headers, """
                        subscription { pipelineStatusChanged(workspace: "acme", repository: "%s") { status } }"""
                        .formatted(repository), Map.of(), "pipelineStatusChanged"))) {
            assertThat(((Subscriptions.Failure) refused.awaitError(WAIT)).codes()).containsExactly(code);
            await().atMost(WAIT).until(() -> log.lines().stream().anyMatch(line -> line.logger().equals(ACCESS)));
            // What a failed check hands to a cache's or a thread's own logger comes after the refusal, if at all.
            await().pollDelay(Duration.ofMillis(300)).until(() -> true);
            lines = log.lines().stream()
                    // Loggers another test of the run set to DEBUG (Reactor Netty's) write below the default level.
                    .filter(line -> line.level().isGreaterOrEqual(Level.INFO))
                    // Another test's context, kept by Spring for reuse, whose Redis that test stopped, keeps trying
                    // to reconnect in the background: nothing of this request.
                    .filter(line -> !line.logger().startsWith("io.lettuce.core.protocol.ConnectionWatchdog"))
                    .toList();
        }

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.logger()).isEqualTo(ACCESS);
            assertThat(line.mdc()).containsEntry(RequestId.MDC_KEY, requestId);
            assertThat(line.keyValues()).containsEntry("errorCodes", code);
        });
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
