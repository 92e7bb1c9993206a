package io.pipelinesgateway.bitbucket;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * A log range that starts past the end of the log (HTTP 416). It carries the log's size, so a reader that was only
 * asking for "anything new" can tell that nothing is new yet.
 */
public class LogRangeException extends GatewayException {

    private final Long logSize;

    LogRangeException(String message, Long logSize) {
        super(ErrorCode.BAD_USER_INPUT, message, 416, null);
        this.logSize = logSize;
    }

    /** The log's size in bytes, when Bitbucket said it. */
    public Long logSize() {
        return logSize;
    }
}
