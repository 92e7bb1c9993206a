package io.pipelinesgateway.limits;

import io.pipelinesgateway.support.RecordingUpstreamGatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query nested deeper than {@code gateway.graphql.max-depth} (15) is refused with QUERY_TOO_DEEP before anything
 * runs, so it costs Bitbucket nothing.
 */
class DeepQueryIsRefusedTest extends RecordingUpstreamGatewayTest {

    /** Twenty fields deep through the schema's cycles, with {@code first: 1} so only its depth is at fault. */
    static final String DEPTH_20 = """
            {
              pipeline(workspace: "acme", repository: "api", buildNumber: 1) {
                repository { workspace { repositories(first: 1) { nodes { pipelines(first: 1) { nodes {
                  repository { workspace { repositories(first: 1) { nodes { pipelines(first: 1) { nodes {
                    repository { workspace { repositories(first: 1) { nodes { pipelines(first: 1) { nodes {
                      buildNumber
                    } } } } } }
                  } } } } } }
                } } } } } }
              }
            }
            """;

    @Test
    void aQueryTwentyFieldsDeepIsRefusedWithQueryTooDeepAndNoUpstreamCall() {
        graphQl().document(DEPTH_20).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            ResponseError error = errors.get(0);
            assertThat(error.getExtensions())
                    .containsEntry("code", "QUERY_TOO_DEEP")
                    .containsEntry("limit", 15)
                    .containsEntry("actual", 20);
            assertThat(error.getMessage()).contains("20 deep").contains("at most 15");
        });
        assertThat(upstreamRequests()).isEmpty();
    }
}
