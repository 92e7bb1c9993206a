package io.pipelinesgateway.sandbox;

import org.springframework.http.HttpStatus;

/**
 * An error the sandbox answers in Bitbucket's {@code error} shape, so clients see the same failures as upstream. Like
 * Bitbucket's Pipelines errors, it may pair a generic message ("Bad request", "Not found") with a {@code detail}
 * that says what was wrong, and with a {@code key} that names the error.
 */
final class SandboxException extends RuntimeException {

    private final HttpStatus status;
    private final String detail;
    private final String key;

    SandboxException(HttpStatus status, String message) {
        this(status, message, null);
    }

    SandboxException(HttpStatus status, String message, String detail) {
        this(status, message, detail, null);
    }

    SandboxException(HttpStatus status, String message, String detail, String key) {
        super(message, null, false, false);
        this.status = status;
        this.detail = detail;
        this.key = key;
    }

    HttpStatus status() {
        return status;
    }

    /** What was wrong, when the message is a generic one; {@code null} otherwise. */
    String detail() {
        return detail;
    }

    /** Bitbucket's key for the error ({@code data.key}), where it gives one; {@code null} otherwise. */
    String key() {
        return key;
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
