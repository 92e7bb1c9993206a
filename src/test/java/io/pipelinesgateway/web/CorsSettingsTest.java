package io.pipelinesgateway.web;

import io.pipelinesgateway.support.ShippedSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped settings: CORS is closed by default (its record's defaults) and open to any origin in the
 * {@code sandbox} profile ({@code application-sandbox.yml} over it), as Spring binds them.
 */
class CorsSettingsTest {

    private static CorsProperties bind(String... files) {
        return ShippedSettings.bind("gateway.cors", CorsProperties.class, files);
    }

    @Test
    void theDefaultSettingsAllowNoOrigin() {
        assertThat(bind("application.yml").allowedOrigins()).isEmpty();
    }

    @Test
    void theSandboxProfileAllowsEveryOrigin() {
        CorsProperties sandbox = bind("application.yml", "application-sandbox.yml");
        assertThat(sandbox.allowedOrigins()).containsExactly("*");
        assertThat(sandbox.allowedMethods()).contains("POST");
    }
}
