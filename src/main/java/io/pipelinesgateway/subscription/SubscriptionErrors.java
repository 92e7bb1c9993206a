package io.pipelinesgateway.subscription;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.graphql.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Ends a subscription that fails with a GraphQL error carrying {@code extensions.code}, as queries do: refused access
 * (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND), bad input, a subscriber too slow (SUBSCRIPTION_OVERFLOW). Unexpected
 * failures are logged with a reference the subscriber is given; their details never reach it. The error is placed at
 * the subscription's field by {@link SubscriptionErrorPaths}, which knows it.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrors.class);

    SubscriptionErrors() {
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable error) {
        Throwable cause = error;
        while (!(cause instanceof GatewayException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof GatewayException known) {
            return GraphqlErrorBuilder.newError().message(known.getMessage())
                    .extensions(FieldErrors.extensionsOf(known)).build();
        }
        String reference = UUID.randomUUID().toString();
        log.error("A subscription failed unexpectedly (reference {})", reference, error);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", ErrorCode.INTERNAL_ERROR.name());
        extensions.put("reference", reference);
        return GraphqlErrorBuilder.newError()
                .message("The gateway ended this subscription after a failure; reference " + reference + ".")
                .extensions(extensions)
                .build();
    }
}
