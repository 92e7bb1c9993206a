package io.pipelinesgateway.sandbox;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers every sandbox failure in Bitbucket's {@code error} shape instead of Spring Boot's error JSON, so clients
 * parse sandbox errors exactly as upstream ones. Scoped to the sandbox's controllers only.
 */
@RestControllerAdvice(basePackageClasses = SandboxErrorHandler.class)
@Profile("sandbox")
class SandboxErrorHandler {

    @ExceptionHandler(SandboxException.class)
    ResponseEntity<SandboxJson.Error> sandbox(SandboxException e) {
        return error(e.status(), SandboxJson.Error.of(e.getMessage(), e.detail(), e.key()));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<SandboxJson.Error> badInput(ServerWebInputException e) {
        return error(HttpStatus.BAD_REQUEST, e.getReason() != null ? e.getReason() : "Bad request.");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<SandboxJson.Error> status(ResponseStatusException e) {
        return error(e.getStatusCode(), e.getReason() != null ? e.getReason() : e.getStatusCode().toString());
    }

    static ResponseEntity<SandboxJson.Error> error(HttpStatusCode status, String message) {
        return error(status, SandboxJson.Error.of(message));
    }

    private static ResponseEntity<SandboxJson.Error> error(HttpStatusCode status, SandboxJson.Error body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** Anything under the sandbox's root that no endpoint serves is, as on Bitbucket, a 404 in the error shape. */
    @RestController
    @Profile("sandbox")
    static class Fallback {
        @RequestMapping(SandboxWebFilter.PREFIX + "/**")
        ResponseEntity<SandboxJson.Error> notFound() {
            return error(HttpStatus.NOT_FOUND, "Resource not found");
        }
    }
}
