package io.pipelinesgateway.limits;

import io.pipelinesgateway.support.RecordingUpstreamGatewayTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query document longer than {@code gateway.graphql.max-query-length} (20,000 characters) is refused with
 * QUERY_TOO_LARGE before it is even parsed.
 */
class LargeQueryIsRefusedTest extends RecordingUpstreamGatewayTest {

    @Test
    void aQueryOfMoreThanTwentyThousandCharactersIsRefusedWithQueryTooLarge() {
        // Valid and cheap but for its length: one field padded with a long comment.
        String query = "{ workspace(slug: \"acme\") { slug } }\n#" + "x".repeat(20_000);

        graphQl().document(query).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions())
                    .containsEntry("code", "QUERY_TOO_LARGE")
                    .containsEntry("limit", 20000)
                    .containsEntry("actual", query.length());
        });
        assertThat(upstreamRequests()).isEmpty();
    }
}
