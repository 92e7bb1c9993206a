package io.pipelinesgateway.error;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

/**
 * Copies of GraphQL errors with other extensions: the interceptors that complete every answer's errors (their code,
 * the request id) add to errors others made, which are immutable.
 */
public final class ErrorExtensions {

    private ErrorExtensions() {
    }

    /** {@code error} as it was, but with {@code extensions} in place of its own. */
    public static GraphQLError replaced(GraphQLError error, Map<String, Object> extensions) {
        return replaced(error, error.getMessage(), extensions);
    }

    /** {@code error} with {@code message} and {@code extensions} in place of its own. */
    public static GraphQLError replaced(GraphQLError error, String message, Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }
}
