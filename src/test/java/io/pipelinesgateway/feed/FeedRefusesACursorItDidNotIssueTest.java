package io.pipelinesgateway.feed;

import io.pipelinesgateway.graphql.Cursor;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection's offset cursor, or any other text, is refused as the feed's {@code after}, before any call. */
class FeedRefusesACursorItDidNotIssueTest extends GatewayTest {

    @Test
    void anOffsetCursorIsBadUserInput() {
        graphQl.document("query($after: String) { pipelines(filter: {workspaces: [\"acme\"]}, after: $after) "
                        + "{ nodes { uuid } } }")
                .variable("after", Cursor.encode(20)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(code(error)).isEqualTo("BAD_USER_INPUT");
                    assertThat(error.getMessage()).contains("not a cursor of the pipelines feed");
                }));

        assertThat(upstreamRequests()).isEmpty();
    }
}
