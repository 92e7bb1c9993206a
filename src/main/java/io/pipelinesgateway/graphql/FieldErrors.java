package io.pipelinesgateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.error.InvalidInputException;

/**
 * The GraphQL error a {@link GatewayException} stands for, with its {@code extensions.code} and what else it tells:
 * for a field that failed ({@link GatewayExceptionResolver}), for one item of a list field that answers the others
 * (null in that item's place, the error pathed to it), or for a subscription that ends.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** The error of item {@code index} of the list {@code environment}'s field answers. */
    public static GraphQLError ofItem(GatewayException failure, DataFetchingEnvironment environment, int index) {
        return GraphqlErrorBuilder.newError()
                .message(failure.getMessage())
                .path(environment.getExecutionStepInfo().getPath().segment(index))
                .location(environment.getField().getSourceLocation())
                .extensions(extensionsOf(failure))
                .build();
    }

    /** What an error of {@code failure} carries in its {@code extensions}: its code first. */
    public static Map<String, Object> extensionsOf(GatewayException failure) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", failure.code().name());
        if (failure.retryAfterSeconds() != null) {
            extensions.put("retryAfter", failure.retryAfterSeconds());
        }
        if (failure.upstreamStatus() != null) {
            extensions.put("upstreamStatus", failure.upstreamStatus());
        }
        if (failure instanceof InvalidInputException invalid) {
            extensions.put("field", invalid.field());
        }
        return extensions;
    }
}
