package io.pipelinesgateway.bitbucket;

import java.util.concurrent.atomic.AtomicInteger;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

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
    private final ClientAllowance client;
    private final AtomicInteger spent = new AtomicInteger();

    /** A budget of {@code limit} calls, each of which also takes one from the request's client's allowance. */
    public UpstreamBudget(int limit, ClientAllowance client) {
        this.limit = limit;
        this.client = client;
    }

    /**
     * Takes one call from the budget of the request whose Reactor context {@code context} is, if it has one, and
     * from its client's allowance; fails when either is spent.
     */
    static Mono<Void> spendIn(ContextView context) {
        return context.<UpstreamBudget>getOrEmpty(CONTEXT_KEY)
                .map(budget -> budget.spend(context))
                .orElse(Mono.empty());
    }

    private Mono<Void> spend(ContextView context) {
        if (spent.incrementAndGet() > limit) {
            return Mono.error(new GatewayException(ErrorCode.UPSTREAM_BUDGET_EXCEEDED, "This request has used all "
                    + limit + " Bitbucket calls one request may make (gateway.graphql.max-upstream-calls); ask for "
                    + "fewer items, or split the query. What was read so far is in the answer."));
        }
        return client.spend(context);
    }

    /**
     * What a request's client may still spend upstream across its requests (in service mode, where every client
     * spends the workspaces' shared Bitbucket quota).
     */
    @FunctionalInterface
    public interface ClientAllowance {

        /** Takes one call from the allowance of the client whose request {@code context} is; fails when spent. */
        Mono<Void> spend(ContextView context);
    }
}
