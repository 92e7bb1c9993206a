package io.pipelinesgateway.bitbucket;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static org.assertj.core.api.Assertions.assertThat;

/** An Authorization header that is no Bitbucket credential fails with UNAUTHENTICATED before any upstream call. */
class MalformedCredentialTest extends GatewayTest {

    @ParameterizedTest
    @ValueSource(strings = {"Token abc", "Digest username=\"ada\"", "abc", "Bearer", "Basic   "})
    void rejectsAnAuthorizationHeaderThatIsNotBearerOrBasicWithoutCallingBitbucket(String authorization) {
        given("pipeline-42.json");
        given("workspace-acme.json");

        graphQl(authorization).document("""
                        { workspace(slug: "acme") { slug }
                          pipeline(workspace: "acme", repository: "api", uuid: "%s") { buildNumber } }
                        """.formatted(PIPELINE_42))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(2).allSatisfy(error -> {
                        assertThat(code(error)).isEqualTo("UNAUTHENTICATED");
                        assertThat(error.getMessage()).contains("Bearer").contains("Basic");
                    });
                    assertThat(errors).extracting(error -> error.getPath())
                            .containsExactlyInAnyOrder("workspace", "pipeline");
                })
                .path("workspace").valueIsNull()
                .path("pipeline").valueIsNull();

        assertThat(upstreamRequests()).isEmpty();
    }
}
