package io.pipelinesgateway.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.pipelinesgateway.graphql.Cursor;

/**
 * A cursor of a repository's pipelines: the pipeline it resumes after, by its place in the listing's order, so that
 * pipelines started (or, under a status filter, leaving it) while a client pages neither repeat nor skip one; with
 * the offset the next one had and the listing's size, which let the gateway find it with no read more while the
 * listing is unchanged. A cursor of the offset alone, as the gateway issued before, resumes at that offset.
 *
 * @param after  the pipeline the cursor resumes after; null for a cursor of an offset alone
 * @param listed Bitbucket's size of the listing when the cursor was made; null when unknown
 */
public record PipelineCursor(long offset, Integer listed, PipelinePosition after) {

    private static final String PREFIX = "pipelines:";

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset + ":"
                + (listed == null ? "" : listed) + ":" + after.text()).getBytes(StandardCharsets.UTF_8));
    }

    /** What an {@code after} argument holds; the start of the listing for none. */
    static PipelineCursor decode(String cursor) {
        PipelineCursor decoded = cursor == null ? null : parse(cursor);
        // Anything else is an offset cursor, or refused as no cursor the gateway issued.
        return decoded != null ? decoded : new PipelineCursor(Cursor.decode(cursor), null, null);
    }

    private static PipelineCursor parse(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] fields = text.startsWith(PREFIX) ? text.substring(PREFIX.length()).split(":", 3) : new String[0];
            if (fields.length == 3) {
                long offset = Long.parseLong(fields[0]);
                Integer listed = fields[1].isEmpty() ? null : Integer.valueOf(fields[1]);
                PipelinePosition after = PipelinePosition.parse(fields[2]);
                return offset >= 0 && after != null ? new PipelineCursor(offset, listed, after) : null;
            }
        }
        catch (IllegalArgumentException malformed) {
            // not one of these: Cursor.decode tells
        }
        return null;
    }
}
