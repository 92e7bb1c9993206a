package io.pipelinesgateway.persistedquery;

import java.util.Map;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

/**
 * {@code GET /graphql?query=…} or {@code ?extensions=…} (with {@code variables} and {@code operationName} as JSON
 * and text), as GraphQL over HTTP and Apollo Client's {@code useGETForHashedQueries} send them: a hash-only query's
 * URL is short and the same for everyone who sends it, so proxies and CDNs can cache its answer. Spring for GraphQL
 * serves POST only; this hands GET requests to the same handler, so every interceptor (credentials, the rate limit,
 * the upstream budget) and limit applies. Only queries run: see {@link GetRunsQueriesOnly}.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlGetRoute {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final WebGraphQlHandler handler;
    private final JsonMapper json;

    GraphQlGetRoute(WebGraphQlHandler handler, JsonMapper json) {
        this.handler = handler;
        this.json = json;
    }

    @Bean
    // Ahead of Spring for GraphQL's routes, which answer any other GET of the path with 405.
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGet(@Value("${spring.graphql.http.path:/graphql}") String path) {
        // WebSocket handshakes (GET with Upgrade) are routed before router functions, so they never come here.
        return RouterFunctions.route(RequestPredicates.GET(path).and(request ->
                request.queryParam("query").isPresent() || request.queryParam("extensions").isPresent()), this::handle);
    }

    private Mono<ServerResponse> handle(ServerRequest request) {
        Map<String, Object> extensions = jsonParameter(request, "extensions");
        String document = request.queryParam("query")
                .orElse(extensions.containsKey("persistedQuery") ? PersistedQuerySupport.PERSISTED_QUERY_MARKER : null);
        if (document == null || document.isBlank()) {
            return Mono.error(new ServerWebInputException("Send 'query', or 'extensions' with a persistedQuery"));
        }
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                request.cookies(), request.remoteAddress().orElse(null), request.attributes(),
                new DefaultGraphQlRequest(document, request.queryParam("operationName").orElse(null),
                        jsonParameter(request, "variables"), extensions),
                request.exchange().getRequest().getId(), request.exchange().getLocaleContext().getLocale());
        graphQlRequest.configureExecutionInput((input, builder) -> builder
                .graphQLContext(Map.of(GetRunsQueriesOnly.SENT_WITH_GET, true)).build());
        return handler.handleRequest(graphQlRequest).flatMap(response -> ServerResponse.ok()
                .headers(headers -> headers.putAll(response.getResponseHeaders()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(response.toMap()));
    }

    private Map<String, Object> jsonParameter(ServerRequest request, String name) {
        String value = request.queryParam(name).orElse("");
        if (value.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> parsed = json.readValue(value, JSON_OBJECT);
            return parsed == null ? Map.of() : parsed;
        }
        catch (JacksonException invalid) {
            throw new ServerWebInputException("'" + name + "' must be a JSON object");
        }
    }
}
