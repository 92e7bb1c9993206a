package io.pipelinesgateway.graphql;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

import org.springframework.http.HttpStatus;

/**
 * An HTTP request to {@code /graphql} that is not a GraphQL request the gateway can run (no body, not a JSON object,
 * too large, of a content type it does not read): answered with {@link #status()} and a GraphQL error carrying
 * {@link #code()}, before anything of it runs.
 */
final class BadGraphQlRequest extends GatewayException {

    private final HttpStatus status;

    BadGraphQlRequest(HttpStatus status, ErrorCode code, String message) {
        super(code, message);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    HttpStatus status() {
        return status;
    }
}
