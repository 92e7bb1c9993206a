package io.pipelinesgateway.error;

/**
 * The {@code extensions.code} values a client can branch on; each names what the caller can do about it.
 */
public enum ErrorCode {
    BAD_USER_INPUT,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    RATE_LIMITED,
    UPSTREAM_UNAVAILABLE,
    UPSTREAM_TIMEOUT,
    INTERNAL_ERROR,
    /** A subscriber read its events slower than they came, past its buffer: the subscription was closed. */
    SUBSCRIPTION_OVERFLOW,
    /** The gateway instance serving a subscription is stopping: subscribe again, and another instance serves it. */
    SHUTTING_DOWN,
    /** The request used up its budget of upstream calls ({@code gateway.graphql.max-upstream-calls}). */
    UPSTREAM_BUDGET_EXCEEDED,
    /**
     * Bitbucket's answer lacked a value this field shows, or held one the gateway could not read: the field is null,
     * the rest of the answer stands.
     */
    UPSTREAM_INCOMPLETE,
    /**
     * A change that is not safe to repeat (a POST, such as running a pipeline) got no answer in time: Bitbucket may
     * or may not have made it. Check (the message says where) before sending it again, or it may be made twice.
     */
    UPSTREAM_OUTCOME_UNKNOWN,
    /** The HTTP request is not a GraphQL request (no body, not a JSON object, no {@code query}, a batch...). */
    BAD_REQUEST,
    /** The request body is larger than {@code gateway.graphql.max-request-size}: nothing of it was read further. */
    REQUEST_TOO_LARGE,
    /** The query document is not GraphQL (a syntax error): nothing ran. */
    GRAPHQL_PARSE_FAILED,
    /** The query does not fit the schema (an unknown field, a missing argument...): nothing ran. */
    GRAPHQL_VALIDATION_FAILED
}
