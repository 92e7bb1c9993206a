package io.pipelinesgateway.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.pipeline.Pipeline;

/**
 * A place in the feed's total order (created desc, then UUID desc), and the opaque cursor that holds it. A cursor
 * names the last pipeline returned rather than an offset, so the next page is "strictly older than this one": new
 * pipelines are newer, and so cannot shift the pages a client is reading.
 */
record FeedPosition(Instant createdOn, String uuid) {

    /** Newest first; a pipeline without a creation time (none seen in practice) sorts last. */
    static final Comparator<FeedPosition> NEWEST_FIRST = Comparator
            .comparing(FeedPosition::createdOn, Comparator.reverseOrder())
            .thenComparing(FeedPosition::uuid, Comparator.reverseOrder());

    private static final String PREFIX = "feed:";

    static FeedPosition of(Pipeline pipeline) {
        return new FeedPosition(pipeline.createdOn() == null ? Instant.EPOCH : pipeline.createdOn().toInstant(),
                pipeline.uuid() == null ? "" : pipeline.uuid());
    }

    /** Whether {@code pipeline} comes after this position in the feed, i.e. is strictly older. */
    boolean isFollowedBy(Pipeline pipeline) {
        return NEWEST_FIRST.compare(this, of(pipeline)) < 0;
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + createdOn + "|" + uuid).getBytes(StandardCharsets.UTF_8));
    }

    /** The position an {@code after} cursor holds; null for none. */
    static FeedPosition decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (text.startsWith(PREFIX) && bar > 0) {
                return new FeedPosition(Instant.parse(text.substring(PREFIX.length(), bar)), text.substring(bar + 1));
            }
        }
        catch (IllegalArgumentException | DateTimeParseException malformed) {
            // reported below
        }
        throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                "'after' is not a cursor of the pipelines feed; pass an endCursor or edge cursor from a previous "
                        + "page.");
    }
}
