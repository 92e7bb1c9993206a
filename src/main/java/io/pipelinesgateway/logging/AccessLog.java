package io.pipelinesgateway.logging;

import java.util.List;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * One INFO line per GraphQL operation in the logger {@code io.pipelinesgateway.access} ({@link AccessLine}): its
 * type and name, outcome ({@code ok}; {@code error}, with the errors' codes; {@code failed} when no answer was made;
 * {@code cancelled} when its caller left first) and duration, with the request id in the MDC. Never the variables,
 * the query text or headers, which can hold secrets. A subscription's line is written when it ends, over WebSocket
 * and Server-Sent Events alike, with how long it ran: refused (its access is checked once its stream starts), as an
 * error with the refusal's code; never started, because its caller left before the transport subscribed to its
 * stream, as {@code cancelled} ({@link UnwrittenAccessLines}). Operators silence it with
 * {@code logging.level.io.pipelinesgateway.access=WARN}.
 */
@Component
class AccessLog implements WebGraphQlInterceptor, Ordered {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!AccessLine.enabled()) {
            return chain.next(request);
        }
        return Mono.deferContextual(context -> {
            AccessLine line = new AccessLine(request);
            return chain.next(request)
                    .map(response -> {
                        line.answered();
                        if (response.getData() instanceof Publisher<?> events) {
                            // Over a WebSocket, Spring subscribes to the stream as it is answered, and cancels it
                            // when the socket closes; over HTTP the stream's body may never be written.
                            if (!(request instanceof WebSocketGraphQlRequest)) {
                                UnwrittenAccessLines.writeAtTheLatestWhenItEnds(context, line);
                            }
                            return response.transform(builder -> builder.data(writtenWhenItEnds(events, line)));
                        }
                        line.ended(response.getExecutionResult().getErrors());
                        return response;
                    })
                    .doOnError(failure -> line.failed())
                    // A transport that took the answer may still cancel it, as a WebSocket's close cancels the
                    // stream it follows and the answer it came in: only a caller gone before the answer is one that
                    // cancelled.
                    .doOnCancel(line::leftBeforeTheAnswer);
        });
    }

    /**
     * A subscription's line, written once its events end: refused or failed (its errors' codes), completed, or left
     * by its subscriber. Its access is checked once it is subscribed to, after the answer that starts the stream.
     */
    private static Flux<?> writtenWhenItEnds(Publisher<?> events, AccessLine line) {
        return Flux.from(events)
                .doOnError(failure -> {
                    if (failure instanceof SubscriptionPublisherException ending) {
                        line.ended(ending.getErrors());
                    }
                    else {
                        line.failed();
                    }
                })
                .doOnComplete(() -> line.ended(List.of()))
                .doOnCancel(() -> line.ended(List.of()));
    }

    /** Inside {@link RequestIdInErrors}, so that its errors are complete when their codes are written. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
