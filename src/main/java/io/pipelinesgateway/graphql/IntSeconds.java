package io.pipelinesgateway.graphql;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Seconds between two instants as a GraphQL {@code Int}: never negative, and clamped to {@link Integer#MAX_VALUE}
 * (about 68 years) so a timestamp far in the past (a payload's placeholder date) cannot overflow the field and fail
 * it.
 */
public final class IntSeconds {

    private IntSeconds() {
    }

    public static int between(OffsetDateTime from, OffsetDateTime to) {
        return clamp(Duration.between(from, to).toSeconds());
    }

    public static int clamp(long seconds) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, seconds));
    }
}
