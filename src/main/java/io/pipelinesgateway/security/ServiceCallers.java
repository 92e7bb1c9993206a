package io.pipelinesgateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns what a service-mode caller presents into a {@link Caller.Service}: an API key (by {@link ApiKeys}) or a JWT
 * of the configured issuer, whose {@code scope} (or {@code scp}) entries {@code pipelines:<workspace|*>:<read|write>}
 * are its grants; other scopes are ignored. Spring Security's filters and WebSocket {@code connection_init} both use
 * it, so a caller is judged alike however it connects.
 */
@Component
class ServiceCallers {

    private static final String SCOPE_PREFIX = "pipelines:";

    private final ApiKeys apiKeys;
    private final ObjectProvider<ReactiveJwtDecoder> jwtDecoder;

    ServiceCallers(ApiKeys apiKeys, ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
        this.apiKeys = apiKeys;
        this.jwtDecoder = jwtDecoder;
    }

    /** The caller of an API key; fails with {@link UnknownApiKeyException} for a key the gateway does not know. */
    Mono<Caller.Service> apiKey(String key) {
        return Mono.fromSupplier(() -> apiKeys.caller(key).orElseThrow(UnknownApiKeyException::new));
    }

    /** The caller of an {@code Authorization: Bearer <jwt>} value; fails for anything but a valid JWT. */
    Mono<Caller.Service> bearer(String authorization) {
        ReactiveJwtDecoder decoder = jwtDecoder.getIfAvailable();
        String value = authorization.trim();
        if (decoder == null) {
            return Mono.error(new NoTrustedIssuerException());
        }
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.error(new InvalidBearerTokenException("not a JWT the gateway can check"));
        }
        return decoder.decode(value.substring(7).trim())
                .onErrorMap(JwtException.class, invalid -> new InvalidBearerTokenException(invalid.getMessage()))
                .map(ServiceCallers::fromJwt);
    }

    /** A caller named by the JWT's subject, with the grants of its {@code pipelines:} scopes. */
    static Caller.Service fromJwt(Jwt jwt) {
        List<String> grants = new ArrayList<>();
        for (String claim : List.of("scope", "scp")) {
            Object value = jwt.getClaims().get(claim);
            Collection<?> scopes = value instanceof String text ? List.of(text.split("\\s+"))
                    : value instanceof Collection<?> list ? list : List.of();
            for (Object scope : scopes) {
                if (scope instanceof String entry && entry.toLowerCase(Locale.ROOT).startsWith(SCOPE_PREFIX)) {
                    grants.add(entry.substring(SCOPE_PREFIX.length()));
                }
            }
        }
        String name = jwt.getSubject() != null ? jwt.getSubject() : "unnamed";
        try {
            return new Caller.Service(name, Caller.Source.JWT, Grants.parse(grants, "JWT scope"));
        }
        catch (IllegalArgumentException malformed) {
            throw new InvalidBearerTokenException("a 'pipelines:' scope is not 'pipelines:<workspace>:<read|write>'");
        }
    }

    /** An {@code Authorization} sent to a gateway that trusts no JWT issuer, so it can never be checked. */
    static final class NoTrustedIssuerException extends InvalidBearerTokenException {

        NoTrustedIssuerException() {
            super("no JWT issuer is trusted");
        }
    }

    /** An {@code X-API-Key} that matches no configured key. */
    static final class UnknownApiKeyException extends BadCredentialsException {

        UnknownApiKeyException() {
            super("unknown API key");
        }
    }
}
