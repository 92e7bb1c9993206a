package io.pipelinesgateway.graphiql;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * Serves GraphiQL at {@code /graphiql} with its scripts from the gateway's own WebJars: Spring's built-in page loads
 * them from a CDN, which a cluster without internet, or a strict content policy, does not allow. The example queries
 * are written into the page, so it opens with them in its tabs and needs no request of its own to get them.
 * {@code /graphiql/} redirects to the page (relatively, so it works behind a path prefix), and {@code /favicon.ico}
 * answers 204 No Content: a browser asks for it, and a 404 would show as a console error.
 */
@Configuration(proxyBeanMethods = false)
class GraphiqlRoutes {

    private static final String EXAMPLES_PLACEHOLDER = "/*EXAMPLE_TABS*/[]";

    @Bean
    RouterFunction<ServerResponse> graphiqlPage(JsonMapper jsonMapper) throws IOException {
        String template = new ClassPathResource("graphiql/index.html").getContentAsString(StandardCharsets.UTF_8);
        // Inside a <script> element "</" could end it early; JSON allows the slash to be escaped.
        String tabs = jsonMapper.writeValueAsString(ExampleTab.load()).replace("</", "<\\/");
        String page = template.replace(EXAMPLES_PLACEHOLDER, tabs);
        return RouterFunctions.route(GET("/graphiql"),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .andRoute(GET("/graphiql/"),
                        request -> ServerResponse.permanentRedirect(URI.create("../graphiql")).build())
                .andRoute(GET("/favicon.ico"), request -> ServerResponse.noContent().build());
    }
}
