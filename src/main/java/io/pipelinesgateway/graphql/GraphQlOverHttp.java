package io.pipelinesgateway.graphql;

import java.util.Map;
import java.util.Optional;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.logging.RequestId;
import io.pipelinesgateway.persistedquery.PersistedQueryExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.graphql.GraphQlRequest;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GraphQL over HTTP at {@code /graphql}: {@code POST} with a JSON body (answered as one JSON document, or as
 * Server-Sent Events with {@code Accept: text/event-stream}) and {@code GET} with {@code query} or {@code extensions}
 * (Apollo's hash-only persisted queries) as URL parameters. It reads the request itself, instead of Spring for
 * GraphQL's handlers, so that every answer is a GraphQL response with {@code extensions.code}: a missing, empty,
 * non-object or batched body, invalid JSON, a body over {@code gateway.graphql.max-request-size} (413) or another
 * content type (415) included, each with one line in the log at most. Statuses follow the GraphQL-over-HTTP spec
 * (see {@link GraphQlHttpAnswers}). Every request goes through the same {@link WebGraphQlHandler}, so every
 * interceptor (credentials, the rate limit, the upstream budget) and limit applies.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlOverHttp {

    private static final Logger log = LoggerFactory.getLogger(GraphQlOverHttp.class);

    private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

    /** A JSON object's members, as graphql-java takes a request's variables and extensions. */
    static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private static final String HOW_TO_SEND = "POST a JSON object such as {\"query\": \"{ __typename }\"} with "
            + "'Content-Type: application/json'.";

    private final WebGraphQlHandler handler;
    private final JsonMapper json;
    private final long maxRequestBytes;
    private final GraphQlHttpAnswers answers;

    GraphQlOverHttp(WebGraphQlHandler handler, JsonMapper json, GraphQlHttpProperties limits,
            GraphQlProperties graphQl) {
        this.handler = handler;
        this.json = json;
        this.maxRequestBytes = limits.maxRequestSize().toBytes();
        this.answers = new GraphQlHttpAnswers(graphQl.getHttp().getSse().getKeepAlive());
    }

    /** Replaces Spring Boot's graphql-transport-ws handler (same settings) with one that closes bad frames 4400. */
    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(ServerCodecConfigurer codecs, GraphQlProperties graphQl) {
        return new ProtocolCheckingWebSocketHandler(handler, codecs,
                graphQl.getWebsocket().getConnectionInitTimeout(), graphQl.getWebsocket().getKeepAlive(), json);
    }

    @Bean
    // Ahead of Spring for GraphQL's routes, which would read the same requests with Spring's codecs.
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlRoutes(@Value("${spring.graphql.http.path:/graphql}") String path) {
        // WebSocket handshakes (GET with Upgrade) are routed before router functions, so they never come here.
        return RouterFunctions.route(RequestPredicates.POST(path), this::post)
                .andRoute(RequestPredicates.GET(path), this::get)
                .andRoute(RequestPredicates.path(path), this::otherMethod);
    }

    /** PUT, DELETE and the like: 405 with {@code Allow: GET, POST}, as a GraphQL response. */
    private Mono<ServerResponse> otherMethod(ServerRequest request) {
        return answers.refusal(request, new BadGraphQlRequest(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.BAD_REQUEST,
                request.method().name() + " is not a way to send a GraphQL request: " + HOW_TO_SEND
                        + " Queries may also be sent with GET. A subscription streams as Server-Sent Events to a POST "
                        + "with 'Accept: text/event-stream' (graphql-sse's distinct connections mode: its single "
                        + "connection mode, which reserves a stream with PUT, is not served), or over a WebSocket "
                        + "(graphql-transport-ws)."));
    }

    private Mono<ServerResponse> post(ServerRequest request) {
        boolean stream = GraphQlHttpAnswers.wantsEvents(request);
        return readBody(request)
                .map(body -> toWebRequest(request, body, stream ? null : HttpTransport.POST))
                .flatMap(handler::handleRequest)
                .flatMap(response -> stream ? answers.events(response) : answers.single(request, response))
                .onErrorResume(BadGraphQlRequest.class, bad -> answers.refusal(request, bad));
    }

    private Mono<ServerResponse> get(ServerRequest request) {
        return Mono.fromCallable(() -> {
                    JsonNode extensions = jsonParameter(request, "extensions");
                    Optional<String> query = request.queryParam("query");
                    if (query.isEmpty() && extensions == null) {
                        throw new BadGraphQlRequest(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, "Send 'query' "
                                + "(or 'extensions' with a persisted query's hash) as a URL parameter, or "
                                + HOW_TO_SEND);
                    }
                    return graphQlRequest(query.orElse(null), request.queryParam("operationName").orElse(null),
                            jsonParameter(request, "variables"), extensions);
                })
                .map(body -> toWebRequest(request, body, HttpTransport.GET))
                .flatMap(handler::handleRequest)
                .flatMap(response -> answers.single(request, response))
                .onErrorResume(BadGraphQlRequest.class, bad -> answers.refusal(request, bad));
    }

    private Mono<GraphQlRequest> readBody(ServerRequest request) {
        MediaType contentType;
        try {
            contentType = request.headers().contentType().orElse(null);
        }
        catch (InvalidMediaTypeException invalid) {
            contentType = null;
        }
        // application/graphql with a JSON body, as some older clients send it, is read as Spring for GraphQL reads it.
        if (contentType == null
                || !(MediaType.APPLICATION_JSON.includes(contentType) || APPLICATION_GRAPHQL.includes(contentType))) {
            return Mono.error(new BadGraphQlRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.BAD_REQUEST,
                    "The gateway reads GraphQL requests as JSON: " + HOW_TO_SEND));
        }
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), (int) Math.min(maxRequestBytes,
                        Integer.MAX_VALUE))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    }
                    finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.deferContextual(context -> {
                    RequestId.inMdc(context.<String>getOrDefault(RequestId.MDC_KEY, null), () -> log.warn(
                            "Refused a request body over gateway.graphql.max-request-size ({} bytes)",
                            maxRequestBytes));
                    return Mono.error(new BadGraphQlRequest(HttpStatus.CONTENT_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE,
                            String.format("The request body is larger than the gateway reads (%,d bytes). Move "
                                    + "repeated selections into fragments, send large values in smaller parts, or "
                                    + "split the request.", maxRequestBytes)));
                }))
                .map(this::parseBody);
    }

    private GraphQlRequest parseBody(byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : json.readTree(body);
        }
        catch (JacksonException invalid) {
            throw new BadGraphQlRequest(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                    "The request body is not valid JSON: " + HOW_TO_SEND);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new BadGraphQlRequest(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                    "The request has no GraphQL request in its body: " + HOW_TO_SEND);
        }
        if (node.isArray()) {
            throw new BadGraphQlRequest(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, "Batched requests (a JSON "
                    + "array) are not supported: send each operation in a request of its own.");
        }
        if (!node.isObject()) {
            throw new BadGraphQlRequest(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                    "The request body must be a JSON object: " + HOW_TO_SEND);
        }
        JsonNode query = node.get("query");
        if (query != null && !query.isNull() && !query.isString()) {
            throw invalidParameter("query", "a string");
        }
        JsonNode operationName = node.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isString()) {
            throw invalidParameter("operationName", "a string");
        }
        return graphQlRequest(query == null || query.isNull() ? null : query.asString(),
                operationName == null || operationName.isNull() ? null : operationName.asString(),
                node.get("variables"), node.get("extensions"));
    }

    /** The request, once its parameters are checked: a query, or extensions naming a persisted one. */
    private GraphQlRequest graphQlRequest(String query, String operationName, JsonNode variables,
            JsonNode extensions) {
        Map<String, Object> extensionMap = objectParameter("extensions", extensions);
        String persistedQueryProblem = PersistedQueryExtension.problem(extensionMap);
        if (persistedQueryProblem != null) {
            throw new BadGraphQlRequest(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, persistedQueryProblem);
        }
        String document = query != null ? query
                : extensionMap.containsKey("persistedQuery") ? PersistedQuerySupport.PERSISTED_QUERY_MARKER : null;
        if (document == null || document.isBlank()) {
            throw new BadGraphQlRequest(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, "The request has no "
                    + "'query' (nor 'extensions' with a persisted query's hash): " + HOW_TO_SEND);
        }
        return new DefaultGraphQlRequest(document, operationName, objectParameter("variables", variables),
                extensionMap);
    }

    private Map<String, Object> objectParameter(String name, JsonNode value) {
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw invalidParameter(name, "a JSON object");
        }
        return json.convertValue(value, JSON_OBJECT);
    }

    private JsonNode jsonParameter(ServerRequest request, String name) {
        String value = request.queryParam(name).orElse("");
        if (value.isBlank()) {
            return null;
        }
        try {
            return json.readTree(value);
        }
        catch (JacksonException invalid) {
            throw invalidParameter(name, "a JSON object");
        }
    }

    private static BadGraphQlRequest invalidParameter(String name, String what) {
        return new BadGraphQlRequest(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                "'" + name + "' must be " + what + ".");
    }

    private static WebGraphQlRequest toWebRequest(ServerRequest request, GraphQlRequest body,
            HttpTransport transport) {
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                request.cookies(), request.remoteAddress().orElse(null), request.attributes(), body,
                request.exchange().getRequest().getId(), request.exchange().getLocaleContext().getLocale());
        if (transport != null) {
            graphQlRequest.configureExecutionInput((input, builder) -> builder
                    .graphQLContext(Map.of(HttpTransport.CONTEXT_KEY, transport)).build());
        }
        return graphQlRequest;
    }
}
