package io.pipelinesgateway.feed;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.pipeline.Pipeline;
import io.pipelinesgateway.repository.Repository;

/**
 * The newest pipelines of a scope, in the feed's order, as one merge found them.
 *
 * @param scope      the repositories the filter selected, read or not
 * @param hasMore    whether at least one more pipeline of the scope follows the last one here
 * @param truncated  whether a repository's scan stopped at {@code gateway.bitbucket.max-pages} pages before its
 *                   history (or the window) ended, so older pipelines of that repository were not seen
 * @param unreadable repositories of the scope whose pipelines could not be read, so are missing from the answer
 */
public record FeedSlice(List<Repository> scope, List<Pipeline> pipelines, boolean hasMore, boolean truncated,
        List<Unreadable> unreadable) {

    public FeedSlice {
        scope = List.copyOf(scope);
        pipelines = List.copyOf(pipelines);
        unreadable = List.copyOf(unreadable);
    }

    /** A repository of the scope that answered 404 or 403 for its pipelines, and that answer. */
    public record Unreadable(Repository repository, GatewayException failure) {
    }

    /**
     * One error on the field for each unreadable repository, naming it, with the code Bitbucket's answer maps to:
     * the field still answers the other repositories.
     */
    public List<GraphQLError> errors(DataFetchingEnvironment environment) {
        return unreadable.stream().map(missing -> GraphqlErrorBuilder.newError(environment)
                .message("The pipelines of " + missing.repository().fullName() + " could not be read, so it is left "
                        + "out of this answer: " + missing.failure().getMessage())
                .extensions(Map.of("code", missing.failure().code().name(),
                        "repository", missing.repository().fullName()))
                .build()).toList();
    }
}
