package io.pipelinesgateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import io.pipelinesgateway.logging.Redactor;
import io.pipelinesgateway.support.LogLines;
import io.pipelinesgateway.support.SandboxFlowSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring's and the gateway's loggers at DEBUG, as someone chasing a problem on the sandbox sets them, no line
 * as written (through the {@link Redactor}) holds the value of a secured variable: not where the sandbox reads the bodies it is sent (Spring's codecs print
 * what they decode at DEBUG), nor anywhere on the way there. The requests go as bytes, so the test's own client
 * prints no body either.
 */
class SecuredValuesStayOutOfDebugLogsTest extends SandboxFlowSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aSecuredVariableAndASecuredRunVariableAreInNoLineAtDebug() {
        // Short, so it falls within the 100 characters of a body that Spring's codecs print at DEBUG.
        String secret = "s-" + UUID.randomUUID().toString().substring(0, 8);
        post("query { __typename }", null);
        List<LogLines.Line> lines = new ArrayList<>();
        try (LogLines spring = LogLines.of("org.springframework", Level.DEBUG);
                LogLines gateway = LogLines.of("io.pipelinesgateway", Level.DEBUG)) {
            post("""
                    mutation Create($input: CreateVariableInput!) {
                      createVariable(input: $input) { variable { id } userErrors { field message } }
                    }""", Map.of("scope", Map.of("workspace", "acme", "repository", "web-app"),
                    "key", "K", "value", secret, "secured", true));
            post("""
                    mutation Run($input: RunPipelineInput!) {
                      runPipeline(input: $input) { pipeline { uuid } userErrors { field message } }
                    }""", Map.of("workspace", "acme", "repository", "web-app",
                    "target", Map.of("ref", Map.of("refType", "BRANCH", "refName", "main")),
                    "variables", List.of(Map.of("key", "K", "value", secret, "secured", true))));
            lines.addAll(spring.lines());
            lines.addAll(gateway.lines());
        }

        assertThat(lines).as("DEBUG lines of the sandbox reading what it was sent")
                .anyMatch(line -> line.message().contains("/sandbox/2.0/repositories/acme/web-app"));
        // As the log pattern writes each line: through the Redactor.
        assertThat(lines).noneMatch(line -> Redactor.redact(line.message()).contains(secret));
    }

    /** Sends a document (with its input, if any) as bytes and checks that it ran without error. */
    private void post(String document, Map<String, Object> input) {
        byte[] body = JSON.writeValueAsBytes(input == null ? Map.of("query", document)
                : Map.of("query", document, "variables", Map.of("input", input)));
        String answer = new String(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(60)).build()
                .post().header(HttpHeaders.AUTHORIZATION, AUTHORIZATION).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(answer).doesNotContain("\"errors\"");
    }
}
