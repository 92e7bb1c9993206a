package io.pipelinesgateway.logging;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * One INFO line per GraphQL operation in the logger {@code io.pipelinesgateway.access}: its type and name, outcome
 * ({@code ok}; {@code error}, with the errors' codes; {@code failed} when no answer was made) and duration, with the
 * request id in the MDC. Never the variables, the query text or headers, which can hold secrets. A subscription's
 * line is written when it starts. Operators silence it with {@code logging.level.io.pipelinesgateway.access=WARN}.
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
                .doOnNext(response -> write(request, response, started))
                .doOnError(failure -> write(request, null, started));
    }

    private static void write(WebGraphQlRequest request, WebGraphQlResponse response, long started) {
        // The id RequestIdFilter chose, in the request's (or the WebSocket handshake's) header.
        RequestId.inMdc(request.getHeaders().getFirst(RequestId.HEADER), () -> writeLine(request, response, started));
    }

    private static void writeLine(WebGraphQlRequest request, WebGraphQlResponse response, long started) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        GraphQLContext context = response == null ? null : response.getExecutionInput().getGraphQLContext();
        String type = context == null ? null : context.get(OperationRecorder.TYPE);
        String name = context == null ? null : context.get(OperationRecorder.NAME);
        if (name == null && request.getOperationName() != null && NAME.matcher(request.getOperationName()).matches()) {
            name = request.getOperationName();
        }
        List<String> codes = response == null ? List.of() : response.getErrors().stream()
                .map(AccessLog::code)
                .distinct()
                .toList();
        // "error" whether or not other fields resolved: the codes say what went wrong.
        String outcome = response == null ? "failed" : codes.isEmpty() ? "ok" : "error";
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

    private static String code(ResponseError error) {
        Object code = error.getExtensions().get("code");
        return code != null ? code.toString() : String.valueOf(error.getErrorType());
    }

    /** Inside {@link RequestIdInErrors}, so that its errors are complete when their codes are written. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
