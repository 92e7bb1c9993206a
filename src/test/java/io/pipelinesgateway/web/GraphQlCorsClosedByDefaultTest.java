package io.pipelinesgateway.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.config.CorsRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no {@code gateway.cors.allowed-origins} (the default), the GraphQL endpoint has no CORS mapping at all, so
 * browsers on other origins are refused; with one, the mapping covers the GraphQL path.
 */
class GraphQlCorsClosedByDefaultTest {

    /** Exposes what was registered. */
    static final class RecordingRegistry extends CorsRegistry {
        Map<String, CorsConfiguration> registered() {
            return getCorsConfigurations();
        }
    }

    private static RecordingRegistry register(List<String> origins) {
        RecordingRegistry registry = new RecordingRegistry();
        new GraphQlCors(new CorsProperties(origins, List.of("POST"), List.of("Authorization"), Duration.ofMinutes(30)),
                "/graphql").addCorsMappings(registry);
        return registry;
    }

    @Test
    void noOriginsMeansNoCorsMapping() {
        assertThat(register(List.of()).registered()).isEmpty();
        assertThat(register(null).registered()).isEmpty();
    }

    @Test
    void anOriginOpensTheGraphQlPathOnly() {
        assertThat(register(List.of("https://portal.example.com")).registered())
                .containsOnlyKeys("/graphql")
                .extractingByKey("/graphql")
                .satisfies(config -> assertThat(config.getAllowedOriginPatterns())
                        .containsExactly("https://portal.example.com"));
    }
}
