package io.pipelinesgateway.limits;

import java.util.Map;

import graphql.execution.AbortExecutionException;
import io.pipelinesgateway.graphql.QueryRejection;

/**
 * The {@code extensions.code} of a query refused for its size or shape, before any of it ran. They sit beside the
 * field-level codes of {@code io.pipelinesgateway.error.ErrorCode}: these concern the whole request, and retrying
 * the same query never helps.
 */
public enum QueryLimitCode {
    /** The query nests fields deeper than {@code gateway.graphql.max-depth}. */
    QUERY_TOO_DEEP,
    /** The query could return more objects than {@code gateway.graphql.max-complexity}. */
    QUERY_TOO_COMPLEX,
    /** The query document is longer than {@code gateway.graphql.max-query-length} characters. */
    QUERY_TOO_LARGE;

    /** A refusal with this code, the limit and the value measured, so a client can adjust the query. */
    AbortExecutionException refusal(String message, long limit, long actual) {
        return QueryRejection.of(name(), message, Map.of("limit", limit, "actual", actual));
    }
}
