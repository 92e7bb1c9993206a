package io.pipelinesgateway.logging;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.pipelinesgateway.support.LogLines;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller may leave before graphql-java runs its operation (a subscriber whose connection closes at once): its access
 * line is then written before anything noted the operation's type and name, and takes them from the document, so the
 * line says what was asked whichever came first.
 */
class ALineWrittenBeforeItsOperationRanNamesItFromItsDocumentTest {

    @Test
    void anOperationWhoseCallerLeftBeforeItRanIsNamedByItsDocument() {
        assertThat(lineOfOneLeftAtOnce("subscription Followed { pipelineStatusChanged { uuid } }", null))
                .isEqualTo("subscription Followed cancelled");
    }

    @Test
    void theOperationItsNameChoosesAmongSeveralIsTheOneNamed() {
        assertThat(lineOfOneLeftAtOnce("query A { __typename } subscription B { pipelineStatusChanged { uuid } }",
                "B")).isEqualTo("subscription B cancelled");
    }

    @Test
    void aDocumentThatDoesNotParseLeavesTheOperationUnknown() {
        assertThat(lineOfOneLeftAtOnce("subscription {", null)).isEqualTo("unknown (anonymous) cancelled");
    }

    /** The access line of an operation whose caller left before it ran, without its duration. */
    private static String lineOfOneLeftAtOnce(String document, String operationName) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("operationName", operationName);
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), new InetSocketAddress(0), Map.of(), body, "1", Locale.ROOT);
        try (LogLines access = LogLines.of("io.pipelinesgateway.access", Level.INFO)) {
            new AccessLine(request).cancelled();
            assertThat(access.lines()).hasSize(1);
            return access.lines().get(0).message().replaceFirst(" in \\d+ ms$", "");
        }
    }
}
