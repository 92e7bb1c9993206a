package io.pipelinesgateway.limits;

import io.pipelinesgateway.support.RecordingUpstreamGatewayTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query whose answer could hold more objects than {@code gateway.graphql.max-complexity} (200,000) is refused with
 * QUERY_TOO_COMPLEX before anything runs: a hundred workspaces' hundred repositories' hundred pipelines would be a
 * million objects and ten thousand upstream calls.
 */
class ComplexQueryIsRefusedTest extends RecordingUpstreamGatewayTest {

    static final String HUNDRED_CUBED = """
            {
              workspaces(first: 100) { nodes {
                repositories(first: 100) { nodes {
                  pipelines(first: 100) { nodes { buildNumber status } }
                } }
              } }
            }
            """;

    @Test
    void aQueryForAHundredTimesAHundredTimesAHundredPipelinesIsRefusedWithNoUpstreamCall() {
        graphQl().document(HUNDRED_CUBED).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            ResponseError error = errors.get(0);
            assertThat(error.getExtensions())
                    .containsEntry("code", "QUERY_TOO_COMPLEX")
                    .containsEntry("limit", 200000)
                    .containsEntry("actual", 1_010_100);
            assertThat(error.getMessage()).contains("1,010,100 objects").contains("at most 200,000");
        });
        assertThat(upstreamRequests()).isEmpty();
    }
}
