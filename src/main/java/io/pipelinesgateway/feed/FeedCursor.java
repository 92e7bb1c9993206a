package io.pipelinesgateway.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.pipeline.PipelinePosition;

/** The feed's opaque cursors: the place of the last pipeline returned, in the feed's total order. */
final class FeedCursor {

    private static final String PREFIX = "feed:";

    private FeedCursor() {
    }

    static String encode(PipelinePosition position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position.text()).getBytes(StandardCharsets.UTF_8));
    }

    /** The position an {@code after} cursor holds; null for none. */
    static PipelinePosition decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            PipelinePosition position = text.startsWith(PREFIX) ? PipelinePosition.parse(text.substring(
                    PREFIX.length())) : null;
            if (position != null) {
                return position;
            }
        }
        catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                "'after' is not a cursor of the pipelines feed; pass an endCursor or edge cursor from a previous "
                        + "page.");
    }
}
