package io.pipelinesgateway.cache;

import io.pipelinesgateway.support.Payloads;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.pipelinePath;
import static org.assertj.core.api.Assertions.assertThat;

/** A caller is never served what another caller's credential fetched: each credential makes its own calls. */
class CacheIsScopedToTheCredentialTest extends CachingGatewayTest {

    private static final String QUERY = """
            { pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
            """.formatted(PIPELINE_42);

    @Test
    void aSecondCallerWithAnotherCredentialMakesItsOwnCallsAndNeverSeesTheFirstCallersData() {
        String first = freshCredential();
        String second = freshCredential();
        // Bitbucket shows each credential its own view; here the second credential may not see the pipeline at all.
        bitbucket.stubFor(Payloads.stub("pipeline-42.json").withHeader("Authorization", equalTo(first)));
        bitbucket.stubFor(Payloads.stub("error-404.json").withHeader("Authorization", equalTo(second)));

        graphQl(first).document(QUERY).execute().path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42);
        graphQl(first).document(QUERY).execute().path("pipeline.buildNumber").entity(Integer.class).isEqualTo(42);
        graphQl(second).document(QUERY).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(code(error)).isEqualTo("NOT_FOUND")))
                .path("pipeline").valueIsNull();

        assertThat(bitbucket.findAll(getOf(pipelinePath(PIPELINE_42))))
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactly(first, second);
    }
}
