package io.pipelinesgateway.insights;

import java.time.OffsetDateTime;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * The time range an {@code insights} answer covers: pipelines created in {@code [from, to)}. It is the schema's
 * {@code InsightsWindow} both as input (either end may be left out) and in the answer (both ends known).
 */
public record InsightsWindow(OffsetDateTime from, OffsetDateTime to) {

    /** The window with its ends filled in: {@code to} defaults to now, {@code from} to {@code days} before it. */
    InsightsWindow resolve(OffsetDateTime now, int days) {
        OffsetDateTime end = to == null ? now : to;
        OffsetDateTime start = from == null ? end.minusDays(days) : from;
        if (!start.isBefore(end)) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "'window.from' must be before 'window.to'; it was " + start + ", and 'to' " + end + ".");
        }
        return new InsightsWindow(start, end);
    }

    /** The window's length in days, for per-day rates. */
    double days() {
        return Math.max(1, java.time.Duration.between(from, to).toSeconds()) / 86_400.0;
    }
}
