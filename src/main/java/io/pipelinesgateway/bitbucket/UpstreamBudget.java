package io.pipelinesgateway.bitbucket;

import java.util.concurrent.atomic.AtomicInteger;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * The Bitbucket calls one GraphQL request may still make. A single query can fan out into thousands of calls and
 * Bitbucket's limit (about 1,000 an hour per user) is shared by everything its caller does, so once the budget is
 * spent the remaining fields fail with UPSTREAM_BUDGET_EXCEEDED while what was read is still returned. It travels
 * in the request's Reactor context under {@link #CONTEXT_KEY}; only calls actually made spend it.
 */
public final class UpstreamBudget {

    /** Where a request's budget sits in its Reactor context. */
    public static final String CONTEXT_KEY = UpstreamBudget.class.getName();

    private final int limit;
    private final AtomicInteger spent = new AtomicInteger();

    public UpstreamBudget(int limit) {
        this.limit = limit;
    }

    /** Takes one call from the budget, or fails when none is left. */
    void spend() {
        if (spent.incrementAndGet() > limit) {
            throw new GatewayException(ErrorCode.UPSTREAM_BUDGET_EXCEEDED, "This request has used all " + limit
                    + " Bitbucket calls one request may make (gateway.graphql.max-upstream-calls); ask for fewer "
                    + "items, or split the query. What was read so far is in the answer.");
        }
    }
}
