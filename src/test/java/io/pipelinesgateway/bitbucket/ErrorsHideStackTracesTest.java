package io.pipelinesgateway.bitbucket;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Fault;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;

/** No response carries a stack trace, an exception's name or an upstream body, whatever failed. */
class ErrorsHideStackTracesTest extends GatewayTest {

    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);

    @ParameterizedTest
    @ValueSource(strings = {"error-400.json", "error-401.json", "error-404.json", "error-429.json", "error-500.json"})
    void answersAnUpstreamErrorWithoutAStackTrace(String payload) {
        given(payload);

        assertThatThereIsNoTraceIn(rawResponse(Fixtures.bearer(), QUERY));
    }

    @Test
    void answersAConnectionFailureWithoutAStackTrace() {
        bitbucket.stubFor(get(urlPathEqualTo(api(pipelinePath(PIPELINE_42))))
                .willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

        assertThatThereIsNoTraceIn(rawResponse(Fixtures.bearer(), QUERY));
    }

    @Test
    void answersAnUnreadableUpstreamAnswerWithoutAStackTraceOrItsBody() {
        bitbucket.stubFor(get(urlPathEqualTo(api(pipelinePath(PIPELINE_42)))).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"type\": \"pipeline\", \"build_number\": \"forty-two\", \"uuid\": ")));

        String response = rawResponse(Fixtures.bearer(), QUERY);

        assertThatThereIsNoTraceIn(response);
        assertThat(response).contains("UPSTREAM_UNAVAILABLE").doesNotContain("forty-two");
    }

    @Test
    void answersAMalformedGraphQlRequestWithoutAStackTrace() {
        byte[] body = http(Fixtures.bearer(), "/graphql").post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ pipeline(")
                .exchange()
                .expectBody().returnResult().getResponseBody();

        assertThatThereIsNoTraceIn(body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void answersAnInvalidQueryWithoutAStackTrace() {
        assertThatThereIsNoTraceIn(rawResponse(Fixtures.bearer(), "{ pipeline(workspace: 1) { nope } }"));
    }

    /** The class name of a Java exception or error, such as {@code java.util.concurrent.TimeoutException}. */
    private static final Pattern QUALIFIED_THROWABLE =
            Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*(Exception|Error)\\b");

    private static void assertThatThereIsNoTraceIn(String response) {
        assertThat(response)
                .isNotBlank()
                .doesNotContain("\tat ")
                .doesNotContain("\\tat ")
                .doesNotContainIgnoringCase("stacktrace")
                .doesNotContainIgnoringCase("\"trace\"")
                .doesNotContain("Exception:")
                .doesNotContain("Caused by")
                .doesNotContain("io.pipelinesgateway.")
                .doesNotContain("reactor.core")
                .doesNotContain("io.netty")
                .doesNotContainPattern(QUALIFIED_THROWABLE);
    }
}
