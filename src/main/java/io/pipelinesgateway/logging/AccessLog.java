package io.pipelinesgateway.logging;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * One INFO line per GraphQL operation in the logger {@code io.pipelinesgateway.access}: its type and name, outcome
 * ({@code ok}; {@code error}, with the errors' codes; {@code failed} when no answer was made) and duration, with the
 * request id in the MDC. Never the variables, the query text or headers, which can hold secrets. A subscription's
 * line is written when it ends, over WebSocket and Server-Sent Events alike, with how long it ran: refused (its
 * access is checked once its stream starts), as an error with the refusal's code. Operators silence it with
 * {@code logging.level.io.pipelinesgateway.access=WARN}.
 */
@Component
class AccessLog implements WebGraphQlInterceptor, Ordered {

    private static final Logger log = LoggerFactory.getLogger("io.pipelinesgateway.access");

    /** A GraphQL name, as an operation name must be; anything else a caller sends is not written. */
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,99}");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!log.isInfoEnabled()) {
            return chain.next(request);
        }
        long started = System.nanoTime();
        return chain.next(request)
                .map(response -> {
                    if (response.getData() instanceof Publisher<?> events) {
                        return response.transform(builder -> builder.data(writtenWhenItEnds(events, request,
                                response, started)));
                    }
                    write(request, response, response.getExecutionResult().getErrors(), started);
                    return response;
                })
                .doOnError(failure -> write(request, null, null, started));
    }

    /**
     * A subscription's line, written once its events end: refused or failed (its errors' codes), completed, or left
     * by its subscriber. Its access is checked once it is subscribed to, after the answer that starts the stream.
     */
    private static Flux<?> writtenWhenItEnds(Publisher<?> events, WebGraphQlRequest request,
            WebGraphQlResponse response, long started) {
        return Flux.from(events)
                .doOnError(failure -> write(request, response,
                        failure instanceof SubscriptionPublisherException ending ? ending.getErrors() : null, started))
                .doOnComplete(() -> write(request, response, List.of(), started))
                .doOnCancel(() -> write(request, response, List.of(), started));
    }

    /** {@code errors} null: no answer was made ({@code response} null too when none started). */
    private static void write(WebGraphQlRequest request, WebGraphQlResponse response, List<GraphQLError> errors,
            long started) {
        // The id RequestIdFilter chose, in the request's (or the WebSocket handshake's) header.
        RequestId.inMdc(request.getHeaders().getFirst(RequestId.HEADER),
                () -> writeLine(request, response, errors, started));
    }

    private static void writeLine(WebGraphQlRequest request, WebGraphQlResponse response, List<GraphQLError> errors,
            long started) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        GraphQLContext context = response == null ? null : response.getExecutionInput().getGraphQLContext();
        String type = context == null ? null : context.get(OperationRecorder.TYPE);
        String name = context == null ? null : context.get(OperationRecorder.NAME);
        if (name == null && request.getOperationName() != null && NAME.matcher(request.getOperationName()).matches()) {
            name = request.getOperationName();
        }
        List<String> codes = errors == null ? List.of() : errors.stream()
                .map(AccessLog::code)
                .distinct()
                .toList();
        // "error" whether or not other fields resolved: the codes say what went wrong.
        String outcome = errors == null ? "failed" : codes.isEmpty() ? "ok" : "error";
        log.atInfo()
                .addKeyValue("operation", Objects.requireNonNullElse(type, "unknown"))
                .addKeyValue("operationName", Objects.requireNonNullElse(name, ""))
                .addKeyValue("outcome", outcome)
                .addKeyValue("durationMs", millis)
                .addKeyValue("errorCodes", String.join(",", codes))
                .log("{} {} {} in {} ms{}", Objects.requireNonNullElse(type, "unknown"),
                        Objects.requireNonNullElse(name, "(anonymous)"), outcome, millis,
                        codes.isEmpty() ? "" : " " + codes);
    }

    private static String code(GraphQLError error) {
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        return code != null ? code.toString() : String.valueOf(error.getErrorType());
    }

    /** Inside {@link RequestIdInErrors}, so that its errors are complete when their codes are written. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
