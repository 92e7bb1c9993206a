package io.pipelinesgateway.graphql;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import graphql.ExecutionResult;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.logging.RequestId;
import io.pipelinesgateway.persistedquery.PersistedQueryCode;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Writes the HTTP answers of {@link GraphQlOverHttp}, with the statuses of the GraphQL-over-HTTP spec: under
 * {@code application/graphql-response+json} a request that could not run (no {@code data}) answers 400, or 429 with
 * {@code Retry-After} when this gateway's rate limit refused it; under {@code application/json}, the legacy type
 * clients get unless they ask for the other, it answers 200. Either way a mutation sent with GET answers 405 with
 * {@code Allow: POST}, and a request that is not a GraphQL request its own 4xx. Server-Sent Events follow the
 * GraphQL-over-SSE protocol's distinct connections mode: {@code next} events, then {@code complete}; the stream opens
 * at once (a comment), so clients and proxies see it before the first event.
 */
final class GraphQlHttpAnswers {

    private static final Logger log = LoggerFactory.getLogger(GraphQlHttpAnswers.class);

    private static final ServerSentEvent<Map<String, Object>> COMMENT =
            ServerSentEvent.<Map<String, Object>>builder().comment("").build();

    private static final ServerSentEvent<Map<String, Object>> COMPLETE =
            ServerSentEvent.<Map<String, Object>>builder(Map.of()).event("complete").build();

    private final Duration keepAlive;

    /** {@code keepAlive}: how often an idle event stream gets a comment; null, never. */
    GraphQlHttpAnswers(Duration keepAlive) {
        this.keepAlive = keepAlive;
    }

    /** Whether the caller asked for Server-Sent Events. */
    static boolean wantsEvents(ServerRequest request) {
        return accepted(request).stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
    }

    /** One JSON answer to a query or mutation. */
    Mono<ServerResponse> single(ServerRequest request, WebGraphQlResponse response) {
        MediaType mediaType = mediaType(request);
        HttpStatus status = status(response, mediaType);
        return ServerResponse.status(status)
                .headers(headers -> {
                    headers.putAll(response.getResponseHeaders());
                    if (status == HttpStatus.METHOD_NOT_ALLOWED) {
                        headers.setAllow(Set.of(HttpMethod.POST));
                    }
                })
                .contentType(mediaType)
                .bodyValue(response.toMap());
    }

    /** The answer to a request that is not a GraphQL request the gateway can run. */
    Mono<ServerResponse> refusal(ServerRequest request, BadGraphQlRequest refusal) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", refusal.code().name());
        String requestId = request.exchange().getResponse().getHeaders().getFirst(RequestId.HEADER);
        if (requestId != null) {
            extensions.put(RequestId.MDC_KEY, requestId);
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", refusal.getMessage());
        error.put("extensions", extensions);
        return ServerResponse.status(refusal.status())
                .contentType(mediaType(request))
                .headers(headers -> {
                    if (refusal.status() == HttpStatus.METHOD_NOT_ALLOWED) {
                        headers.setAllow(Set.of(HttpMethod.GET, HttpMethod.POST));
                    }
                })
                .bodyValue(Map.of("errors", List.of(error)));
    }

    /**
     * A subscription's events, or the one answer of a query, a mutation or a request that could not run (its errors
     * as they would be over POST: codes, request id), as Server-Sent Events.
     */
    @SuppressWarnings("unchecked")
    Mono<ServerResponse> events(WebGraphQlResponse response) {
        Flux<Map<String, Object>> results = response.getData() instanceof Publisher<?> publisher
                ? Flux.from((Publisher<ExecutionResult>) publisher).map(ExecutionResult::toSpecification)
                        .onErrorResume(GraphQlHttpAnswers::failure)
                : Flux.just(response.toMap());
        Flux<ServerSentEvent<Map<String, Object>>> events = results
                .map(result -> ServerSentEvent.builder(result).event("next").build())
                .concatWith(Mono.just(COMPLETE));
        if (keepAlive != null) {
            events = events.mergeWith(Flux.interval(keepAlive, keepAlive).map(tick -> COMMENT))
                    .takeUntil(event -> event == COMPLETE);
        }
        return ServerResponse.ok()
                .headers(headers -> headers.putAll(response.getResponseHeaders()))
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(BodyInserters.fromServerSentEvents(events.startWith(COMMENT)));
    }

    private static Mono<Map<String, Object>> failure(Throwable error) {
        if (error instanceof SubscriptionPublisherException known) {
            return Mono.just(known.toMap());
        }
        String reference = UUID.randomUUID().toString();
        return Mono.deferContextual(context -> Mono.just(RequestId.inMdc(context, () -> {
            log.error("A subscription failed unexpectedly (reference {})", reference, error);
            return reference;
        }))).map(logged -> Map.of("errors", List.of(Map.of(
                "message", "The subscription failed; reference " + reference + ".",
                "extensions", Map.of("code", ErrorCode.INTERNAL_ERROR.name(), "reference", reference)))));
    }

    private static HttpStatus status(WebGraphQlResponse response, MediaType mediaType) {
        List<String> codes = response.getErrors().stream()
                .map(error -> Objects.toString(error.getExtensions().get("code"), ""))
                .toList();
        if (codes.contains(PersistedQueryCode.OPERATION_NOT_ALLOWED_WITH_GET.name())) {
            return HttpStatus.METHOD_NOT_ALLOWED;
        }
        if (MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equalsTypeAndSubtype(mediaType)
                && !response.getExecutionResult().isDataPresent()) {
            return codes.contains(ErrorCode.RATE_LIMITED.name()) ? HttpStatus.TOO_MANY_REQUESTS
                    : HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.OK;
    }

    /** {@code application/graphql-response+json} when the caller asks for it before JSON, else JSON. */
    private static MediaType mediaType(ServerRequest request) {
        for (MediaType accepted : accepted(request)) {
            if (MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equalsTypeAndSubtype(accepted)) {
                return MediaTypes.APPLICATION_GRAPHQL_RESPONSE;
            }
            if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(accepted)) {
                return MediaType.APPLICATION_JSON;
            }
        }
        return MediaType.APPLICATION_JSON;
    }

    private static List<MediaType> accepted(ServerRequest request) {
        try {
            return request.headers().accept();
        }
        catch (InvalidMediaTypeException invalid) {
            return List.of();
        }
    }
}
