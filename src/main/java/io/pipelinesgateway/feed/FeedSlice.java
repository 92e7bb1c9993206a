package io.pipelinesgateway.feed;

import java.util.List;

import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.repository.Repository;

/**
 * The newest pipelines of a scope, in the feed's order, as one merge found them.
 *
 * @param scope     the repositories the filter selected, read or not
 * @param hasMore   whether at least one more pipeline of the scope follows the last one here
 * @param truncated whether a repository's scan stopped at {@code gateway.bitbucket.max-pages} pages before its
 *                  history (or the window) ended, so older pipelines of that repository were not seen
 */
public record FeedSlice(List<Repository> scope, List<Pipeline> pipelines, boolean hasMore, boolean truncated) {

    public FeedSlice {
        scope = List.copyOf(scope);
        pipelines = List.copyOf(pipelines);
    }
}
