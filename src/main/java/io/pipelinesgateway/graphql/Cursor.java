package io.pipelinesgateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * Opaque cursors: a position in an upstream listing, base64-encoded so that clients treat it as a token and the
 * gateway stays free to change what it holds.
 */
public final class Cursor {

    private static final String PREFIX = "offset:";

    private Cursor() {
    }

    public static String encode(long offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor resumes at; 0 for no cursor. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long offset = Long.parseLong(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        }
        catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                "'after' is not a cursor this gateway issued; pass an endCursor or edge cursor from a previous page.");
    }
}
