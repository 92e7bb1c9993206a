package io.pipelinesgateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.ErrorExtensions;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives {@code extensions.code} to every error of an answer that has none (a subscription's events' too), so that clients can branch on every error
 * the gateway returns: graphql-java's own (a syntax error: GRAPHQL_PARSE_FAILED; a query that does not fit the schema:
 * GRAPHQL_VALIDATION_FAILED; a variable of the wrong type or out of range, an operation name the document does not
 * hold: BAD_USER_INPUT; a value the schema's type cannot hold, such as an Int overflow, or a null in a non-null field:
 * INTERNAL_ERROR), Spring for GraphQL's error types, and anything else (INTERNAL_ERROR). Codes already set are kept.
 * Their messages name a value the caller sent as JSON names it, not as Java does ({@link PlainMessages}).
 */
@Component
class EveryErrorHasACode implements WebGraphQlInterceptor, Ordered {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        // A subscription's too: its events' errors, and the one that ends it.
        return chain.next(request).map(response -> ErrorExtensions.completed(response,
                error -> hasCode(error) ? error : withCode(error)));
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().get("code") != null;
    }

    private static GraphQLError withCode(GraphQLError error) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", codeOf(error).name());
        if (error.getExtensions() != null) {
            error.getExtensions().forEach(extensions::putIfAbsent);
        }
        return ErrorExtensions.replaced(error, PlainMessages.plain(error.getMessage()), extensions);
    }

    /** The code of an error raised where the gateway sets none: by graphql-java or Spring for GraphQL. */
    static ErrorCode codeOf(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        if (type == ErrorType.InvalidSyntax) {
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (type == ErrorType.ValidationError) {
            // graphql-java raises what it cannot take from the caller's input (variables, the operation name) as
            // exceptions, and breaks of the schema's rules as ValidationErrors: the second is the document's fault.
            return error instanceof Throwable ? ErrorCode.BAD_USER_INPUT : ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        if (type == ErrorType.OperationNotSupported) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        if (type instanceof org.springframework.graphql.execution.ErrorType spring) {
            return switch (spring) {
                case BAD_REQUEST -> ErrorCode.BAD_USER_INPUT;
                case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED;
                case FORBIDDEN -> ErrorCode.FORBIDDEN;
                case NOT_FOUND -> ErrorCode.NOT_FOUND;
                case INTERNAL_ERROR -> ErrorCode.INTERNAL_ERROR;
            };
        }
        return ErrorCode.INTERNAL_ERROR;
    }

    /** Inside the access log, so that its line names the codes, and outside every other interceptor. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }
}
