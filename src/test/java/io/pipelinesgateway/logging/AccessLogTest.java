package io.pipelinesgateway.logging;

import java.util.Map;

import ch.qos.logback.classic.Level;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import io.pipelinesgateway.support.LogLines;
import io.pipelinesgateway.support.TestSecrets;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each GraphQL operation writes one line to {@code io.pipelinesgateway.access}: its type and name, outcome, error
 * codes and duration, with the request id in the MDC; never its variables, the literals of its query or a header.
 */
class AccessLogTest extends GatewayTest {

    private static final String ACCESS = "io.pipelinesgateway.access";

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
