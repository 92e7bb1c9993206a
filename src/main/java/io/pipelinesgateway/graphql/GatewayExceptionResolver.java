package io.pipelinesgateway.graphql;

import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns every failure of a field into a GraphQL error with {@code extensions.code}, so clients can branch on it and
 * the other fields of the query still resolve. Unexpected failures are logged with a reference the caller is given;
 * their details never reach the caller.
 */
@Component
class GatewayExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionResolver.class);

    GatewayExceptionResolver() {
        // Restores the request's context (its request id in the MDC) on whichever thread completed the field.
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable error, DataFetchingEnvironment environment) {
        Throwable cause = error;
        while (!(cause instanceof GatewayException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof GatewayException known) {
            return build(environment, known.getMessage(), FieldErrors.extensionsOf(known));
        }
        String reference = UUID.randomUUID().toString();
        log.error("Field {} failed unexpectedly (reference {})", environment.getExecutionStepInfo().getPath(),
                reference, error);
        return build(environment, "The gateway failed to resolve this field; reference " + reference + ".",
                Map.of("code", ErrorCode.INTERNAL_ERROR.name(), "reference", reference));
    }

    private static GraphQLError build(DataFetchingEnvironment environment, String message,
            Map<String, Object> extensions) {
        GraphQLError error = GraphqlErrorBuilder.newError(environment)
                .message(message)
                .extensions(extensions)
                .build();
        FieldErrors.keepIfOfAnEvent(error, environment, environment.getExecutionStepInfo().getPath());
        return error;
    }
}
