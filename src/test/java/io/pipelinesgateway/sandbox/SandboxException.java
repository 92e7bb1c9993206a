package io.pipelinesgateway.sandbox;

import org.springframework.http.HttpStatus;

/**
 * An error the sandbox answers in Bitbucket's {@code error} shape, so clients see the same failures as upstream.
 */
final class SandboxException extends RuntimeException {

    private final HttpStatus status;

    SandboxException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static SandboxException notFound(String message) {
        return new SandboxException(HttpStatus.NOT_FOUND, message);
    }

    static SandboxException gone(String message) {
        return new SandboxException(HttpStatus.GONE, message);
    }

    static SandboxException badRequest(String message) {
        return new SandboxException(HttpStatus.BAD_REQUEST, message);
    }
}
