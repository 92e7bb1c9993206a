package io.pipelinesgateway.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

import io.pipelinesgateway.bitbucket.BitbucketPipeline;

/**
 * A pipeline's place in the newest-first order (created desc, then UUID desc), which cursors hold: a cursor that names
 * the last pipeline returned resumes at what is strictly older, so pipelines that start while a client pages, being
 * newer, cannot shift the pages it reads.
 */
public record PipelinePosition(Instant createdOn, String uuid) {

    /** Newest first; a pipeline without a creation time (none seen in practice) sorts last. */
    public static final Comparator<PipelinePosition> NEWEST_FIRST = Comparator
            .comparing(PipelinePosition::createdOn, Comparator.reverseOrder())
            .thenComparing(PipelinePosition::uuid, Comparator.reverseOrder());

    public static PipelinePosition of(Pipeline pipeline) {
        return of(pipeline.createdOn(), pipeline.uuid());
    }

    static PipelinePosition of(BitbucketPipeline pipeline) {
        return of(pipeline.createdOn(), pipeline.uuid());
    }

    private static PipelinePosition of(OffsetDateTime createdOn, String uuid) {
        return new PipelinePosition(createdOn == null ? Instant.EPOCH : createdOn.toInstant(),
                uuid == null ? "" : uuid);
    }

    /** Whether {@code pipeline} comes after this position newest first, i.e. is strictly older. */
    public boolean isFollowedBy(Pipeline pipeline) {
        return NEWEST_FIRST.compare(this, of(pipeline)) < 0;
    }

    /** The position as a cursor's text holds it. */
    public String text() {
        return createdOn + "|" + uuid;
    }

    /** The position {@link #text()} wrote; null when {@code text} is not one. */
    public static PipelinePosition parse(String text) {
        int bar = text.indexOf('|');
        if (bar <= 0) {
            return null;
        }
        try {
            return new PipelinePosition(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        }
        catch (DateTimeParseException malformed) {
            return null;
        }
    }
}
