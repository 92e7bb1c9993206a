package io.pipelinesgateway.limits;

import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.analysis.QueryTraverser;
import graphql.execution.ExecutionContext;
import graphql.language.Document;
import io.pipelinesgateway.graphql.OperationTraverser;

import org.springframework.stereotype.Component;

/**
 * The depth and complexity of an operation about to run, measured once for the same operation of the same document
 * with the same variables. A portal asks the same few queries again and again (their documents are parsed once and
 * kept), and walking the whole operation twice, once per limit, was a twentieth of the CPU of a small query.
 */
@Component
class OperationMeasures {

    private static final int KEPT = 1_000;

    private final int assumedListSize;
    private final Cache<Operation, Measures> measured = Caffeine.newBuilder().maximumSize(KEPT).build();

    OperationMeasures(QueryLimitsProperties properties) {
        this.assumedListSize = properties.assumedListSize();
    }

    Measures of(ExecutionContext context) {
        Operation operation = new Operation(context.getDocument(), context.getOperationDefinition().getName(),
                context.getCoercedVariables().toMap());
        return measured.get(operation, absent -> {
            QueryTraverser traverser = OperationTraverser.of(context);
            return new Measures(QueryDepth.of(traverser), QueryCost.of(traverser, assumedListSize));
        });
    }

    /** How deep an operation nests ({@link QueryDepth}) and how many objects its answer can hold ({@link QueryCost}). */
    record Measures(int depth, long complexity) {
    }

    /**
     * What the measures depend on: the parsed document (the same object for the same text: documents are kept once
     * parsed, and graphql-java's compare by identity), the operation's name, and the variables.
     */
    private record Operation(Document document, String name, Map<String, Object> variables) {
    }
}
