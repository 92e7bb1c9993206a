package io.pipelinesgateway.subscription;

import java.util.List;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.stereotype.Component;

/**
 * Places the error that ends a subscription at the subscription's field, as a field's error is: its {@code path}
 * (the field's name, or the alias the subscriber gave it) and location. {@link SubscriptionErrors} builds that error
 * from the failure alone; graphql-java knows the field when it asks it for its events, so this is where the field's
 * stream is wrapped. Its request id is added with every other error's ({@code RequestIdInErrors}).
 */
@Component
class SubscriptionErrorPaths extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
            InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        // Queries and mutations, and the fields of a subscription's events, are fetched as they are.
        if (parameters.getExecutionContext().getOperationDefinition().getOperation()
                != OperationDefinition.Operation.SUBSCRIPTION
                || parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
            return dataFetcher;
        }
        return environment -> {
            Object events = dataFetcher.get(environment);
            return events instanceof Publisher<?> stream
                    ? Flux.from(stream).onErrorMap(SubscriptionPublisherException.class,
                            ending -> new SubscriptionPublisherException(atField(ending.getErrors(), environment),
                                    ending.getCause()))
                    : events;
        };
    }

    private static List<GraphQLError> atField(List<GraphQLError> errors, DataFetchingEnvironment environment) {
        return errors.stream()
                .map(error -> GraphqlErrorBuilder.newError(environment)
                        .message(error.getMessage())
                        .errorType(error.getErrorType())
                        .extensions(error.getExtensions())
                        .build())
                .toList();
    }
}
