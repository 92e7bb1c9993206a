package io.pipelinesgateway.graphql;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription's errors come after the answer that starts it, in its events and in the error that ends it; one
 * graphql-java raises there without a code (a value its scalar cannot hold, a null in a non-null field of a nullable
 * parent) is given one as an answer's error is.
 */
class ASubscriptionsEventErrorsCarryACodeTest {

    private static final String SUBSCRIPTION = "subscription { pipelineStatusChanged(workspace: \"acme\") { status } }";

    @Test
    void anEventsErrorWithoutACodeIsGivenOne() {
        GraphQLError uncoded = GraphqlErrorBuilder.newError().message("Can't serialize value")
                .path(ResultPath.parse("/pipelineStatusChanged/status")).build();
        GraphQLError coded = GraphqlErrorBuilder.newError().message("refused")
                .extensions(Map.of("code", "FORBIDDEN")).build();
        ExecutionResult event = ExecutionResult.newExecutionResult().data(new HashMap<>(Map.of("x", 1)))
                .errors(List.of(uncoded, coded)).build();

        StepVerifier.create(events(Flux.just(event)))
                .assertNext(answered -> {
                    assertThat(answered.getErrors()).extracting(error -> error.getExtensions().get("code"))
                            .containsExactly("INTERNAL_ERROR", "FORBIDDEN");
                    assertThat(answered.getErrors().get(0).getPath()).containsExactly("pipelineStatusChanged",
                            "status");
                })
                .verifyComplete();
    }

    @Test
    void theErrorThatEndsASubscriptionWithoutACodeIsGivenOne() {
        SubscriptionPublisherException ending = new SubscriptionPublisherException(
                List.of(GraphqlErrorBuilder.newError().message("ended").build()), new IllegalStateException());

        StepVerifier.create(events(Flux.error(ending)))
                .expectErrorSatisfies(error -> assertThat(((SubscriptionPublisherException) error).getErrors())
                        .singleElement()
                        .satisfies(ended -> assertThat(ended.getExtensions()).containsEntry("code", "INTERNAL_ERROR")))
                .verify(Duration.ofSeconds(5));
    }

    /** The events of a subscription whose answer started with {@code events}, as the interceptor passes them on. */
    @SuppressWarnings("unchecked")
    private static Flux<ExecutionResult> events(Flux<ExecutionResult> events) {
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
                new LinkedMultiValueMap<>(), new InetSocketAddress(0), Map.of(), Map.of("query", SUBSCRIPTION), "1",
                Locale.ROOT);
        WebGraphQlResponse started = new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                ExecutionInput.newExecutionInput(SUBSCRIPTION).build(),
                ExecutionResult.newExecutionResult().data(events).build()));
        WebGraphQlResponse answered = new EveryErrorHasACode()
                .intercept(request, ignored -> Mono.just(started))
                .block(Duration.ofSeconds(5));
        return Flux.from((Publisher<ExecutionResult>) answered.getData());
    }
}
