package io.pipelinesgateway.limits;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.pipelinesgateway.bitbucket.UpstreamBudget;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives each query and mutation its budget of upstream calls ({@code gateway.graphql.max-upstream-calls}), each of
 * which in service mode also spends its client's budget of the minute ({@link ClientUpstreamBudget}). A
 * subscription lives for as long as its client stays, so a per-request budget would run dry on it: its reads are
 * paced by the watcher's per-workspace budget instead.
 */
@Component
class UpstreamBudgetInterceptor implements WebGraphQlInterceptor {

    private final QueryLimitsProperties limits;
    private final ClientUpstreamBudget clientBudget;

    UpstreamBudgetInterceptor(QueryLimitsProperties limits, ClientUpstreamBudget clientBudget) {
        this.limits = limits;
        this.clientBudget = clientBudget;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (isSubscription(request)) {
            return chain.next(request);
        }
        return chain.next(request).contextWrite(context -> context.put(UpstreamBudget.CONTEXT_KEY,
                new UpstreamBudget(limits.maxUpstreamCalls(), clientBudget)));
    }

    private static boolean isSubscription(WebGraphQlRequest request) {
        if (!request.getDocument().contains("subscription")) {
            return false;
        }
        try {
            Document document = Parser.parse(request.getDocument());
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(operation -> request.getOperationName() == null
                            || request.getOperationName().equals(operation.getName()))
                    .findFirst()
                    .map(operation -> operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION)
                    .orElse(false);
        }
        catch (InvalidSyntaxException unparsable) {
            // graphql-java reports the syntax error itself; nothing will run.
            return false;
        }
    }
}
