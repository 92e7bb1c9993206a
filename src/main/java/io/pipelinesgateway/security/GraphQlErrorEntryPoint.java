package io.pipelinesgateway.security;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a request whose credential the gateway refused (an unknown API key, an invalid or expired JWT) with
 * {@code 401} and a body shaped like a GraphQL response, {@code {"errors": [{"message", "extensions": {"code":
 * "UNAUTHENTICATED"}}]}}, so GraphQL clients read it as they read every other error. The message says what to send;
 * it never repeats what was sent.
 */
final class GraphQlErrorEntryPoint implements ServerAuthenticationEntryPoint {

    private final JsonMapper json;
    private final InboundSecurityProperties.Mode mode;

    GraphQlErrorEntryPoint(JsonMapper json, InboundSecurityProperties.Mode mode) {
        this.json = json;
        this.mode = mode;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String message;
        if (failure instanceof ServiceCallers.UnknownApiKeyException) {
            message = "The API key in 'X-API-Key' is not one the gateway knows: check it, or ask the gateway's "
                    + "operator for one.";
        }
        else if (failure instanceof ServiceCallers.NoTrustedIssuerException) {
            message = "This gateway trusts no JWT issuer, so it cannot check the credential in 'Authorization': send "
                    + "an API key in 'X-API-Key' instead.";
        }
        else if (failure instanceof OAuth2AuthenticationException) {
            message = "The bearer token is not a valid, unexpired JWT from the issuer the gateway trusts: get a new "
                    + "one, or send an API key in 'X-API-Key'.";
        }
        else {
            message = OperationAccess.whatToSend(mode);
        }
        byte[] body = json.writeValueAsBytes(Map.of("errors",
                List.of(Map.of("message", message, "extensions", Map.of("code", "UNAUTHENTICATED")))));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (failure instanceof OAuth2AuthenticationException) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
