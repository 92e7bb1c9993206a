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
     * A change that is not safe to repeat (a POST, such as running a pipeline) got no answer in time: Bitbucket may
     * or may not have made it. Check (the message says where) before sending it again, or it may be made twice.
     */
    UPSTREAM_OUTCOME_UNKNOWN
}
