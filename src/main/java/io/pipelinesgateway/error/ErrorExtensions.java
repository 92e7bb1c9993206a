package io.pipelinesgateway.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Copies of GraphQL errors with other extensions: the interceptors that complete every answer's errors (their code,
 * the request id) add to errors others made, which are immutable, wherever in an answer they are.
 */
public final class ErrorExtensions {

    private ErrorExtensions() {
    }

    /**
     * {@code response} with {@code complete} applied to each of its errors, a subscription's too: those of each of its
     * events and the one that ends it, which come after the answer that starts it. {@code complete} gives back the
     * very error it was given where it has nothing to add; an answer or event whose errors all come back so is kept
     * as it is.
     */
    @SuppressWarnings("unchecked")
    public static WebGraphQlResponse completed(WebGraphQlResponse response, UnaryOperator<GraphQLError> complete) {
        if (response.getData() instanceof Publisher<?> events) {
            return response.transform(builder -> builder.data(Flux.from((Publisher<ExecutionResult>) events)
                    .map(event -> {
                        List<GraphQLError> errors = completed(event.getErrors(), complete);
                        return errors == event.getErrors() ? event : event.transform(with -> with.errors(errors));
                    })
                    .onErrorMap(SubscriptionPublisherException.class, ending -> new SubscriptionPublisherException(
                            completed(ending.getErrors(), complete), ending.getCause()))));
        }
        List<GraphQLError> errors = completed(response.getExecutionResult().getErrors(), complete);
        return errors == response.getExecutionResult().getErrors() ? response
                : response.transform(builder -> builder.errors(errors));
    }

    /** {@code errors} completed, the same list where {@code complete} changed none of them. */
    private static List<GraphQLError> completed(List<GraphQLError> errors, UnaryOperator<GraphQLError> complete) {
        List<GraphQLError> completed = null;
        for (int index = 0; index < errors.size(); index++) {
            GraphQLError error = errors.get(index);
            GraphQLError done = complete.apply(error);
            if (done != error && completed == null) {
                completed = new ArrayList<>(errors.subList(0, index));
            }
            if (completed != null) {
                completed.add(done);
            }
        }
        return completed == null ? errors : completed;
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
