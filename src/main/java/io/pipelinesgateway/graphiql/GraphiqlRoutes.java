package io.pipelinesgateway.graphiql;

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
 * them from a CDN, which a cluster without internet, or a strict content policy, does not allow.
 */
@Configuration(proxyBeanMethods = false)
class GraphiqlRoutes {

    @Bean
    RouterFunction<ServerResponse> graphiqlPage() {
        ClassPathResource page = new ClassPathResource("graphiql/index.html");
        return RouterFunctions.route(GET("/graphiql"),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page));
    }
}
