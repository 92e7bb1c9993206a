package io.pipelinesgateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How big a query the gateway agrees to run. One GraphQL request can fan out into thousands of upstream calls, and
 * Bitbucket's rate limit (about 1,000 an hour per user) is shared by every query a caller sends, so queries that
 * could exhaust it, or the gateway's memory, are refused before they run.
 *
 * @param maxDepth         the most fields a path of the query may nest, root field included (introspection excluded)
 * @param maxComplexity    the most objects the query's answer may hold, counting each connection as {@code first}
 *                         items (see {@link QueryCost})
 * @param maxQueryLength   the longest query document accepted, in characters, checked before it is parsed
 * @param assumedListSize  how many items a list without a {@code first} argument (a pipeline's {@code steps}, a test
 *                         case's {@code reasons}) is assumed to hold when the complexity is counted
 * @param maxUpstreamCalls the most Bitbucket calls one query or mutation may make (answers from the cache, and reads
 *                         shared with an identical one, cost nothing); subscriptions have the watcher's budget instead
 * @see io.pipelinesgateway.graphql.GraphQlHttpProperties the body size limit, which is the HTTP layer's
 */
@ConfigurationProperties("gateway.graphql")
public record QueryLimitsProperties(
        @DefaultValue("15") int maxDepth,
        @DefaultValue("200000") long maxComplexity,
        @DefaultValue("20000") int maxQueryLength,
        @DefaultValue("5") int assumedListSize,
        @DefaultValue("1000") int maxUpstreamCalls) {
}
