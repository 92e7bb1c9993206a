package io.pipelinesgateway.pipelineconfig;

import io.pipelinesgateway.support.MutationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static io.pipelinesgateway.support.FakeBitbucket.API_ROOT;

/**
 * The next build number is set with Bitbucket's build number request; a number that is not positive is rejected
 * before Bitbucket, and one not higher than the latest build gets a user error that says so.
 */
class NextBuildNumberTest extends MutationTestSupport {

    private static final String BUILD_NUMBER = API_ROOT + "/repositories/acme/api/pipelines_config/build_number";

    @Test
    void theNextBuildNumberIsSet() {
        stub(put(urlEqualTo(BUILD_NUMBER)), 200, "build-number.json");

        GraphQlTester.Response response = set(500);

        response.errors().verify();
        response.path("setNextBuildNumber.nextBuildNumber").entity(Integer.class).isEqualTo(500);
        bitbucket.verify(1, putRequestedFor(urlEqualTo(BUILD_NUMBER)).withRequestBody(equalToJson("""
                {"type": "pipeline_build_number", "next": 500}""")));
    }

    @Test
    void aNumberNotHigherThanTheLatestBuildIsAUserErrorThatSaysSo() {
        stub(put(urlEqualTo(BUILD_NUMBER)), 400, "build-number-rejected.json");

        GraphQlTester.Response response = set(7);

        assertUserError(response, "setNextBuildNumber", "input", "next");
        response.path("setNextBuildNumber.userErrors[0].message").entity(String.class).satisfies(message ->
                assertThat(message).contains("must be higher than the latest build number")
                        .contains("The next build number must be greater than 42."));
        response.path("setNextBuildNumber.nextBuildNumber").valueIsNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aNumberThatIsNotPositiveIsRejectedBeforeBitbucket(int next) {
        assertRejectedBeforeBitbucket(set(next), "input", "next");
    }

    private GraphQlTester.Response set(int next) {
        return graphQl.document("""
                        mutation Set($next: Int!) {
                          setNextBuildNumber(input: {workspace: "acme", repository: "api", next: $next}) {
                            nextBuildNumber userErrors { field message }
                          }
                        }""")
                .variable("next", next)
                .execute();
    }
}
