package io.pipelinesgateway.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.pipelinesgateway.error.ErrorCode;
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
 * @param left       workspaces and repositories the filter names that the scope leaves out
 */
public record FeedSlice(List<Repository> scope, List<Pipeline> pipelines, boolean hasMore, boolean truncated,
        List<Unreadable> unreadable, List<Left> left) {

    public FeedSlice {
        scope = List.copyOf(scope);
        pipelines = List.copyOf(pipelines);
        unreadable = List.copyOf(unreadable);
        left = List.copyOf(left);
    }

    /** A repository of the scope that answered 404 or 403 for its pipelines, and that answer. */
    public record Unreadable(Repository repository, GatewayException failure) {
    }

    /**
     * A workspace the filter names that Bitbucket would not list for the credential (403, 404: {@code failure}), or a
     * repository the filter names that none of its readable workspaces lists ({@code workspace} and {@code failure}
     * null): left out of the answer, which still holds the rest.
     */
    public record Left(String workspace, String repository, GatewayException failure) {
    }

    /**
     * One error on the field for each unreadable repository and each workspace or repository the filter names that is
     * left out, naming it, with the code Bitbucket's answer maps to: the field still answers the others.
     */
    public List<GraphQLError> errors(DataFetchingEnvironment environment) {
        List<GraphQLError> errors = new ArrayList<>();
        unreadable.forEach(missing -> errors.add(GraphqlErrorBuilder.newError(environment)
                .message("The pipelines of " + missing.repository().fullName() + " could not be read, so it is left "
                        + "out of this answer: " + missing.failure().getMessage())
                .extensions(Map.of("code", missing.failure().code().name(),
                        "repository", missing.repository().fullName()))
                .build()));
        left.forEach(named -> errors.add(named.workspace() != null
                ? GraphqlErrorBuilder.newError(environment)
                        .message("The workspace '" + named.workspace() + "' could not be read, so it is left out of "
                                + "this answer: " + named.failure().getMessage())
                        .extensions(Map.of("code", named.failure().code().name(), "workspace", named.workspace()))
                        .build()
                : GraphqlErrorBuilder.newError(environment)
                        .message("The filter names the repository '" + named.repository() + "', which none of its "
                                + "workspaces lists for this credential, so it is left out of this answer: give a "
                                + "slug such as 'api', a full name such as 'acme/api' or the UUID in braces of a "
                                + "repository you can read.")
                        .extensions(Map.of("code", ErrorCode.NOT_FOUND.name(), "repository", named.repository()))
                        .build()));
        return errors;
    }
}
