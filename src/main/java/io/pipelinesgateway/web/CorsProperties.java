package io.pipelinesgateway.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser frontends may call {@code /graphql} from another origin. Closed by default: a gateway that forwards
 * callers' Bitbucket credentials should only be reachable from pages someone chose.
 *
 * @param allowedOrigins origins (or patterns such as {@code https://*.example.com}, or {@code *}) allowed; none by
 *                       default
 * @param allowedMethods HTTP methods a cross-origin request may use
 * @param allowedHeaders request headers it may send ({@code Authorization} carries the caller's credential; Apollo
 *                       Client sends {@code apollographql-client-name} and {@code -version} when an app names itself)
 * @param maxAge         how long a browser may cache a preflight answer
 */
@ConfigurationProperties("gateway.cors")
public record CorsProperties(
        @DefaultValue({}) List<String> allowedOrigins,
        @DefaultValue({"GET", "POST"}) List<String> allowedMethods,
        @DefaultValue({"Authorization", "X-API-Key", "Content-Type", "Accept", "apollographql-client-name",
                "apollographql-client-version"}) List<String> allowedHeaders,
        @DefaultValue("30m") Duration maxAge) {

    public CorsProperties {
        // An empty YAML list binds as no value at all; closed stays closed.
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
