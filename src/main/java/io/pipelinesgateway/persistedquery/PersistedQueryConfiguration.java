package io.pipelinesgateway.persistedquery;

import java.util.concurrent.CompletableFuture;

import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.pipelinesgateway.redis.RedisConnections;
import io.pipelinesgateway.redis.SharedState;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts persisted queries in place: their store (Redis when {@code spring.data.redis.url} is set, with the cache's
 * key prefix, through {@link RedisConnections}; this process otherwise) and graphql-java's document provider over
 * it. Turned off, a request with only a hash is told PERSISTED_QUERY_NOT_SUPPORTED, and queries sent with their text
 * run as ever.
 */
@Configuration(proxyBeanMethods = false)
class PersistedQueryConfiguration {

    @Bean
    PersistedQueryStore persistedQueryStore(SharedState state, PersistedQueryProperties properties) {
        return state.redis()
                .<PersistedQueryStore>map(connections -> new RedisPersistedQueryStore(connections, state.keyPrefix(),
                        properties.ttl()))
                .orElseGet(() -> new InProcessPersistedQueryStore(properties));
    }

    @Bean
    GraphQlSourceBuilderCustomizer persistedQueries(PersistedQueryProperties properties, PersistedQueryStore store) {
        PreparsedDocumentProvider documents = properties.enabled()
                ? new PersistedQueries(store, properties.maxCharacters())
                : (input, parseAndValidate) -> CompletableFuture.completedFuture(
                        PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(input.getQuery())
                                ? PersistedQueries.refusal(PersistedQueryCode.PERSISTED_QUERY_NOT_SUPPORTED,
                                        "PersistedQueryNotSupported", null)
                                : parseAndValidate.apply(input));
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }
}
