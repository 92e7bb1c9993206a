package io.pipelinesgateway.subscription;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.NonNullableFieldWasNullException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.pipelinesgateway.graphql.FieldErrors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.stereotype.Component;

/**
 * Places the error that ends a subscription at the subscription's field, as a field's error is: its {@code path}
 * (the field's name, or the alias the subscriber gave it) and location. {@link SubscriptionErrors} builds that error
 * from the failure alone; graphql-java knows the field when it asks it for its events, so this is where the field's
 * stream is wrapped. Its request id is added with every other error's ({@code RequestIdInErrors}).
 * <p>
 * An event can fail too, after graphql-java asked the field for its events: a field error that nulls non-null fields
 * up to the subscription's own (a bad argument to a nested field) fails the event, and graphql-java then ends the
 * stream with the bare exception, which the transports would answer without a code. Such a subscription ends with
 * the error that nulled them instead, as a query would have answered it: the field's own (its code, its path), as
 * the event's field errors kept it ({@link FieldErrors}), or graphql-java's own where a value was null that the
 * schema says is not (a null Bitbucket sent in a list of non-null items); any other failure as
 * {@link SubscriptionErrors} makes it.
 */
@Component
class SubscriptionErrorPaths extends SimplePerformantInstrumentation {

    private final SubscriptionErrors errors;

    SubscriptionErrorPaths(SubscriptionErrors errors) {
        this.errors = errors;
    }

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

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        // A query's answer, and each event of a subscription, hold their data; a subscription's answer its events.
        if (!(result.getData() instanceof Publisher<?> events)) {
            return CompletableFuture.completedFuture(result);
        }
        GraphQLContext context = parameters.getGraphQLContext();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.data(Flux.from(events)
                .onErrorMap(failure -> !(failure instanceof SubscriptionPublisherException),
                        failure -> new SubscriptionPublisherException(List.of(errorOf(failure, context)), failure)))));
    }

    /** The error that ends a subscription whose event failed: the field error that nulled it, if it has one. */
    private GraphQLError errorOf(Throwable failure, GraphQLContext context) {
        NonNullableFieldWasNullException nulled = null;
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof NonNullableFieldWasNullException field) {
                nulled = field;
            }
        }
        if (nulled == null) {
            return errors.resolveToSingleError(failure);
        }
        GraphQLError kept = FieldErrors.ofAnEventAt(context, nulled.getPath());
        // Without a field error there, the field was null itself: graphql-java's own error of it, as it records it.
        return kept != null ? kept : new NonNullableFieldWasNullError(nulled);
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
