package io.pipelinesgateway.graphql;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * Spring for GraphQL's observations of each request ({@code graphql_request_seconds}) and each field a controller
 * fetches ({@code graphql_datafetcher_seconds}), without its observation of each DataLoader key: to observe those,
 * Spring rebuilds every request's DataLoaders with an instrumentation and times each load, work a small warm query
 * pays on each of its fields, for a figure the gateway already has. A load is a cache hit
 * ({@code gateway_cache_requests_total}) or an upstream call ({@code gateway_upstream_latency_seconds}).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlObservations {

    @Bean
    GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry registry,
            ObjectProvider<ExecutionRequestObservationConvention> requestConvention,
            ObjectProvider<DataFetcherObservationConvention> fieldConvention) {
        return new GraphQlObservationInstrumentation(registry, requestConvention.getIfAvailable(),
                fieldConvention.getIfAvailable()) {

            @Override
            public ExecutionInput instrumentExecutionInput(ExecutionInput input,
                    InstrumentationExecutionParameters parameters, InstrumentationState state) {
                return input;
            }
        };
    }
}
