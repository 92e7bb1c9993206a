package io.pipelinesgateway.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;

import org.springframework.graphql.execution.ErrorType;

/**
 * Builds the exception an instrumentation throws to refuse a query: graphql-java turns an
 * {@link AbortExecutionException} into a result carrying its underlying errors and runs nothing, so no data fetcher
 * (and no upstream call) starts. A refusal made before graphql-java is reached (the rate limit) answers with the
 * same errors.
 */
public final class QueryRejection {

    private QueryRejection() {
    }

    /** A refusal with {@code extensions.code} first, then {@code details} (e.g. when to retry). */
    public static AbortExecutionException of(String code, String message, Map<String, Object> details) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.putAll(details);
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(extensions)
                .build();
        return new AbortExecutionException(List.of(error));
    }
}
