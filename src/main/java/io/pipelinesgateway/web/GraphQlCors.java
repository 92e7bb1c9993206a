package io.pipelinesgateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Applies {@link CorsProperties} to the GraphQL endpoint, so browser frontends on other origins (a portal, a build
 * wall) can call it directly. The mapping reaches Spring for GraphQL's router function as well as controllers.
 * Credentials (cookies) are not allowed: callers send their Bitbucket credential in {@code Authorization}.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlCors implements WebFluxConfigurer {

    private final CorsProperties properties;
    private final String graphQlPath;

    GraphQlCors(CorsProperties properties, @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        this.properties = properties;
        this.graphQlPath = graphQlPath;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (properties.allowedOrigins().isEmpty()) {
            return;
        }
        registry.addMapping(graphQlPath)
                // Patterns rather than plain origins, so "https://*.example.com" and "*" both work.
                .allowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new))
                .allowedMethods(properties.allowedMethods().toArray(String[]::new))
                .allowedHeaders(properties.allowedHeaders().toArray(String[]::new))
                .allowCredentials(false)
                .maxAge(properties.maxAge().toSeconds());
    }
}
