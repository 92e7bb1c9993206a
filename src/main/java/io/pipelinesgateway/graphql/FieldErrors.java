package io.pipelinesgateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.error.InvalidInputException;

/**
 * The GraphQL error a {@link GatewayException} stands for, with its {@code extensions.code} and what else it tells:
 * for a field that failed ({@link GatewayExceptionResolver}), for one item of a list field that answers the others
 * (null in that item's place, the error pathed to it), or for a subscription that ends. A subscription event's field
 * errors are also kept by their path, for the error that ends the subscription when one of them nulls a non-null field
 * up to the subscription's own: graphql-java then fails the event and loses them.
 */
public final class FieldErrors {

    /** The operation's {@link GraphQLContext} key of its events' field errors, by path: a subscription's only. */
    private static final String OF_EVENTS = FieldErrors.class.getName() + ".ofEvents";

    private FieldErrors() {
    }

    /** The error of item {@code index} of the list {@code environment}'s field answers. */
    public static GraphQLError ofItem(GatewayException failure, DataFetchingEnvironment environment, int index) {
        ResultPath path = environment.getExecutionStepInfo().getPath().segment(index);
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message(failure.getMessage())
                .path(path)
                .location(environment.getField().getSourceLocation())
                .extensions(extensionsOf(failure))
                .build();
        keepIfOfAnEvent(error, environment, path);
        return error;
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

    /**
     * Keeps {@code error}, raised at {@code path} for {@code environment}'s field, when that field belongs to a
     * subscription's event.
     */
    static void keepIfOfAnEvent(GraphQLError error, DataFetchingEnvironment environment, ResultPath path) {
        // An error is being resolved: nothing here may fail, whatever the environment lacks.
        OperationDefinition operation = environment.getOperationDefinition();
        if (operation != null && operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            environment.getGraphQlContext()
                    .<Map<ResultPath, GraphQLError>>computeIfAbsent(OF_EVENTS, key -> new ConcurrentHashMap<>())
                    .put(path, error);
        }
    }

    /** The field error a subscription's event last had at {@code path}, if any. */
    public static GraphQLError ofAnEventAt(GraphQLContext context, ResultPath path) {
        Map<ResultPath, GraphQLError> kept = context.get(OF_EVENTS);
        return kept == null ? null : kept.get(path);
    }
}
