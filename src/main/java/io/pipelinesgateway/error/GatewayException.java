package io.pipelinesgateway.error;

/**
 * A failure a caller can act on (bad input, or an upstream answer), with a message safe to show: it never holds credentials, upstream bodies or stack
 * traces, so the GraphQL layer passes it through as it is.
 */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final Integer upstreamStatus;
    private final Long retryAfterSeconds;

    public GatewayException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public GatewayException(ErrorCode code, String message, Integer upstreamStatus, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.code = code;
        this.upstreamStatus = upstreamStatus;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ErrorCode code() {
        return code;
    }

    /** The HTTP status Bitbucket answered with, when the failure came from an answer. */
    public Integer upstreamStatus() {
        return upstreamStatus;
    }

    /** For RATE_LIMITED: how many seconds to wait before trying again. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
