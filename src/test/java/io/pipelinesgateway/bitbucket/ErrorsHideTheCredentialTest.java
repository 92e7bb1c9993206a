package io.pipelinesgateway.bitbucket;

import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;
import io.pipelinesgateway.support.Fixtures;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.FakeBitbucket.api;
import static io.pipelinesgateway.support.Fixtures.BASIC_SECRET;
import static io.pipelinesgateway.support.Fixtures.BEARER_TOKEN;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever fails, no part of the caller's credential appears in the response. */
class ErrorsHideTheCredentialTest extends GatewayTest {

    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);

    static Stream<Arguments> failures() {
        return Stream.of("error-400.json", "error-401.json", "error-403.json", "error-404.json", "error-409.json",
                        "error-429.json", "error-500.json", "error-503.json", "connection reset")
                .flatMap(failure -> Stream.of(Arguments.of(failure, Fixtures.bearer()),
                        Arguments.of(failure, Fixtures.basic())));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("failures")
    void leavesTheCredentialOutOfEveryError(String failure, String authorization) {
        if (failure.endsWith(".json")) {
            given(failure);
        }
        else {
            bitbucket.stubFor(get(urlPathEqualTo(api(pipelinePath(PIPELINE_42))))
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        }

        String response = rawResponse(authorization, QUERY);

        assertThat(response).contains("\"errors\"").contains("\"code\"");
        assertThatNoPartOfTheCredentialIsIn(response, authorization);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Token " + BEARER_TOKEN, BEARER_TOKEN,
            "Bearer" + BEARER_TOKEN})
    void leavesAMalformedCredentialOutOfTheError(String authorization) {
        given("pipeline-42.json");

        String response = rawResponse(authorization, QUERY);

        assertThat(response).contains("UNAUTHENTICATED");
        assertThatNoPartOfTheCredentialIsIn(response, authorization);
    }

    private static void assertThatNoPartOfTheCredentialIsIn(String response, String authorization) {
        assertThat(response)
                .doesNotContain(authorization)
                .doesNotContain(BEARER_TOKEN)
                .doesNotContain(BEARER_TOKEN.substring(0, 12))
                .doesNotContain(BASIC_SECRET.substring(0, 12))
                .doesNotContain(Fixtures.basic().substring("Basic ".length()));
    }
}
