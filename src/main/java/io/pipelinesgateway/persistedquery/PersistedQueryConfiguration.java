package io.pipelinesgateway.persistedquery;

import java.util.concurrent.CompletableFuture;

import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.lettuce.core.RedisClient;
import io.pipelinesgateway.cache.CacheProperties;
import io.pipelinesgateway.cache.RedisConnections;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts persisted queries in place: their store (Redis when {@code spring.data.redis.url} is set, with the cache's
 * key prefix and store timeout, this process otherwise) and graphql-java's document provider over it. Turned off,
 * a request with only a hash is told PERSISTED_QUERY_NOT_SUPPORTED, and queries sent with their text run as ever.
 */
@Configuration(proxyBeanMethods = false)
class PersistedQueryConfiguration {

    @Bean
    PersistedQueryStore persistedQueryStore(@Value("${spring.data.redis.url:}") String redisUrl,
            ObjectProvider<RedisClient> redisClient, CacheProperties cache, PersistedQueryProperties properties) {
        return RedisConnections.ifConfigured(redisClient, redisUrl)
                .<PersistedQueryStore>map(redis -> new RedisPersistedQueryStore(redis, cache.keyPrefix(),
                        properties.ttl(), cache.storeTimeout()))
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
