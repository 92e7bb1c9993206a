package io.pipelinesgateway.logging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.LogLines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad request costs the log one line at most: the access line when it reached GraphQL, or one WARN when the gateway
 * refused it for its own sake (a body over the limit), never an ERROR or a stack trace for a client's mistake. Every
 * line the gateway and its libraries write at the default level (INFO) or above is counted, by the request's id.
 */
class OneBadRequestWritesOneLineAtMostTest extends GatewayTest {

    /** The kinds of bad request, each with the status it is answered with and the WARN lines it may write. */
    enum BadRequest {
        EMPTY_BODY(MediaType.APPLICATION_JSON, "", HttpStatus.BAD_REQUEST, 0),
        INVALID_JSON(MediaType.APPLICATION_JSON, "{\"query\": ", HttpStatus.BAD_REQUEST, 0),
        // The 12-byte request of the report: Spring for GraphQL read it with a leftover Reactor log() (75 lines).
        GRAPHQL_CONTENT_TYPE(MediaType.parseMediaType("application/graphql"), "{__typename}",
                HttpStatus.BAD_REQUEST, 0),
        BATCH(MediaType.APPLICATION_JSON, "[{\"query\": \"{ __typename }\"}]", HttpStatus.BAD_REQUEST, 0),
        TEXT(MediaType.TEXT_PLAIN, "{ __typename }", HttpStatus.UNSUPPORTED_MEDIA_TYPE, 0),
        SYNTAX_ERROR(MediaType.APPLICATION_JSON, "{\"query\": \"{\"}", HttpStatus.OK, 0),
        UNKNOWN_FIELD(MediaType.APPLICATION_JSON, "{\"query\": \"{ nope }\"}", HttpStatus.OK, 0),
        TOO_LARGE(MediaType.APPLICATION_JSON, "{\"query\": \"{ __typename }\", \"variables\": {\"v\": \""
                + "x".repeat(300 * 1024) + "\"}}", HttpStatus.CONTENT_TOO_LARGE, 1);

        private final MediaType contentType;
        private final String body;
        private final HttpStatus status;
        private final int warnings;

        BadRequest(MediaType contentType, String body, HttpStatus status, int warnings) {
            this.contentType = contentType;
            this.body = body;
            this.status = status;
            this.warnings = warnings;
        }
    }

    @ParameterizedTest
    @EnumSource(BadRequest.class)
    void aBadRequestWritesAtMostOneAccessLineAndNoError(BadRequest bad) {
        String requestId = "bad-" + UUID.randomUUID();
        List<LogLines.Line> lines;
        EntityExchangeResult<String> answer;
        try (LogLines log = LogLines.of(Logger.ROOT_LOGGER_NAME, Level.INFO)) {
            answer = http(Fixtures.bearer(), "/graphql").post()
                    .header(RequestId.HEADER, requestId)
                    .contentType(bad.contentType)
                    .bodyValue(bad.body.getBytes(StandardCharsets.UTF_8))
                    .exchange()
                    .expectBody(String.class).returnResult();
            lines = log.lines().stream()
                    .filter(line -> requestId.equals(line.mdc().get(RequestId.MDC_KEY)))
                    // Loggers another test of the run set to DEBUG (Reactor Netty's) write below the default level.
                    .filter(line -> line.level().isGreaterOrEqual(Level.INFO))
                    .toList();
        }

        assertThat(lines).as("lines of %s", bad).hasSizeLessThanOrEqualTo(1);
        assertThat(lines).noneMatch(line -> line.level().isGreaterOrEqual(Level.ERROR));
        assertThat(lines.stream().filter(line -> line.level() == Level.WARN)).hasSize(bad.warnings);
        assertThat(lines).allMatch(line -> line.level() == Level.WARN
                || line.logger().equals("io.pipelinesgateway.access"), "only the access line at INFO");
        assertThat(answer.getStatus()).isEqualTo(bad.status);
        assertThat(answer.getResponseBody()).contains("\"code\"");
    }
}
