package io.pipelinesgateway.limits;

import io.pipelinesgateway.support.RecordingUpstreamGatewayTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query's depth and complexity are measured once for a document and its variables, and again for other variables:
 * a document that was cheap with {@code first: 1} is refused with {@code first: 100}.
 */
class TheSameQueryWithOtherVariablesIsMeasuredAgainTest extends RecordingUpstreamGatewayTest {

    private static final String WORKSPACES_CUBED = """
            query Cubed($first: Int) {
              workspaces(first: $first) { nodes {
                repositories(first: 100) { nodes {
                  pipelines(first: 100) { nodes { buildNumber status } }
                } }
              } }
            }
            """;

    @Test
    void aDocumentAllowedWithFewWorkspacesIsRefusedWithAHundred() {
        for (int run = 0; run < 2; run++) {
            graphQl().document(WORKSPACES_CUBED).variable("first", 1).execute().errors().satisfy(errors ->
                    assertThat(errors).noneMatch(error -> "QUERY_TOO_COMPLEX".equals(error.getExtensions().get("code"))));
        }

        graphQl().document(WORKSPACES_CUBED).variable("first", 100).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions())
                    .containsEntry("code", "QUERY_TOO_COMPLEX")
                    .containsEntry("actual", 1_010_100);
        });
    }
}
