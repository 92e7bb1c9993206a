package io.pipelinesgateway.persistedquery;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.AstPrinter;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;

/**
 * graphql-java's support for Apollo's automatic persisted queries over the gateway's {@link PersistedQueryStore}.
 * Spring for GraphQL hands a request that has {@code extensions.persistedQuery} but no {@code query} to graphql-java
 * with {@link PersistedQuerySupport#PERSISTED_QUERY_MARKER} as its document; this looks the hash up, and a request
 * that brings its query with the hash has the hash checked and the query stored. Queries are parsed and validated
 * once per process and kept so, by hash, and queries sent without a hash by their text.
 * <p>
 * A persisted query runs like any other: the limits on depth and complexity measure the stored query, and the limit
 * on length was applied when it was registered, since its text came with the request then.
 */
class PersistedQueries extends ApolloPersistedQuerySupport {

    /**
     * Queries sent as text (no hash), parsed and validated, by their text: a dashboard asks the same query again and
     * again, and parsing and validating it each time is work its answer does not need. As with persisted queries,
     * only documents without errors are kept, and a query's text is at most {@code gateway.graphql.max-query-length}.
     */
    private final Cache<String, PreparsedDocumentEntry> texts;

    PersistedQueries(PersistedQueryStore store, long maxCharacters) {
        super(new StoredDocuments(store, maxCharacters));
        this.texts = Caffeine.newBuilder()
                .maximumWeight(maxCharacters)
                .weigher((String text, PreparsedDocumentEntry entry) -> PersistedQueryProperties.weight(text))
                .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        if (getPersistedQueryId(input).isEmpty()) {
            PreparsedDocumentEntry known = texts.getIfPresent(input.getQuery());
            if (known == null) {
                known = parseAndValidate.apply(input);
                if (!known.hasErrors()) {
                    texts.put(input.getQuery(), known);
                }
            }
            return CompletableFuture.completedFuture(known);
        }
        // graphql-java turns a PersistedQueryError into an error answer only when it is thrown at once; the store
        // answers later, so one that fails the future is turned into the same answer here.
        return super.getDocumentAsync(input, parseAndValidate).exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof PersistedQueryError error) {
                return mkMissingError(error);
            }
            throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
        });
    }

    @Override
    protected PreparsedDocumentEntry mkMissingError(PersistedQueryError error) {
        if (error instanceof PersistedQueryNotFound notFound) {
            // Apollo Client looks for this message, or the code, and sends the query's text with its hash.
            return refusal(PersistedQueryCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound",
                    notFound.getPersistedQueryId());
        }
        return refusal(PersistedQueryCode.PERSISTED_QUERY_HASH_MISMATCH, "PersistedQueryIdInvalid: the sha256Hash "
                + "sent is not the SHA-256 of the query sent with it. Hash the query's text exactly as sent (UTF-8, "
                + "lowercase hex); nothing was stored or run.", hashOf(error));
    }

    private static Object hashOf(PersistedQueryError error) {
        return error instanceof PersistedQueryIdInvalid invalid ? invalid.getPersistedQueryId() : null;
    }

    /** A document that is only an error, so nothing runs: how graphql-java answers a persisted query it cannot. */
    static PreparsedDocumentEntry refusal(PersistedQueryCode code, String message, Object hash) {
        Map<String, Object> extensions = hash == null ? Map.of("code", code.name())
                : Map.of("code", code.name(), "persistedQueryId", hash);
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(extensions)
                .build());
    }

    /**
     * Documents by hash: parsed ones in this process, texts in the store. What graphql-java passes as
     * {@code onMiss} parses and validates a text after checking that it is not empty (else PersistedQueryNotFound)
     * and that the hash is its SHA-256 (else PersistedQueryIdInvalid).
     */
    private static final class StoredDocuments implements PersistedQueryCache {

        private final PersistedQueryStore store;
        private final Cache<String, PreparsedDocumentEntry> documents;

        StoredDocuments(PersistedQueryStore store, long maxCharacters) {
            this.store = store;
            // A parsed document no longer has its text: it is weighed by its compact print, once, when it is kept.
            this.documents = Caffeine.newBuilder()
                    .maximumWeight(maxCharacters)
                    .weigher((String hash, PreparsedDocumentEntry entry) ->
                            PersistedQueryProperties.weight(AstPrinter.printAstCompact(entry.getDocument())))
                    .build();
        }

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object persistedQueryId,
                ExecutionInput input, PersistedQueryCacheMiss onMiss) {
            // graphql-java compares hashes ignoring case; they are kept in lowercase, as Apollo Client sends them.
            String hash = String.valueOf(persistedQueryId).toLowerCase(Locale.ROOT);
            PreparsedDocumentEntry known = documents.getIfPresent(hash);
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
            Mono<PreparsedDocumentEntry> stored = PersistedQueryExtension.isSha256(hash)
                    ? store.get(hash).map(onMiss::apply) : Mono.empty();
            return stored.switchIfEmpty(Mono.defer(() -> register(hash, input, onMiss)))
                    .doOnNext(entry -> {
                        if (!entry.hasErrors()) {
                            documents.put(hash, entry);
                        }
                    })
                    .toFuture();
        }

        private Mono<PreparsedDocumentEntry> register(String hash, ExecutionInput input,
                PersistedQueryCacheMiss onMiss) {
            String query = input.getQuery();
            PreparsedDocumentEntry entry = onMiss.apply(
                    PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query) ? "" : query);
            // Only queries that parse and validate are kept: an invalid one is answered with its errors each time.
            return entry.hasErrors() ? Mono.just(entry) : store.put(hash, query).thenReturn(entry);
        }
    }
}
