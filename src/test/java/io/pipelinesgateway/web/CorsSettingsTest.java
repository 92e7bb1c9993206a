package io.pipelinesgateway.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped settings: CORS is closed by default ({@code application.yml}) and open to any origin in the
 * {@code sandbox} profile ({@code application-sandbox.yml} over it), as Spring binds them.
 */
class CorsSettingsTest {

    private static CorsProperties bind(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        List<PropertySource<?>> sources = new ArrayList<>();
        for (String file : files) {
            sources.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
        }
        // Later files win, as a profile's file does over application.yml.
        sources.forEach(source -> environment.getPropertySources().addFirst(source));
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()))
                .bindOrCreate("gateway.cors", CorsProperties.class);
    }

    @Test
    void theDefaultSettingsAllowNoOrigin() throws IOException {
        assertThat(bind("application.yml").allowedOrigins()).isEmpty();
    }

    @Test
    void theSandboxProfileAllowsEveryOrigin() throws IOException {
        CorsProperties sandbox = bind("application.yml", "application-sandbox.yml");
        assertThat(sandbox.allowedOrigins()).containsExactly("*");
        assertThat(sandbox.allowedMethods()).contains("POST");
    }
}
