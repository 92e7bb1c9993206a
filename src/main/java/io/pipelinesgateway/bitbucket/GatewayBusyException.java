package io.pipelinesgateway.bitbucket;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * A call that never left the gateway: it waited for one of the gateway's own connections to Bitbucket longer than it
 * may, or found the queue for one full. Bitbucket did not fail, so this neither counts toward a circuit breaker nor
 * is retried; the caller is told the gateway is busy.
 */
final class GatewayBusyException extends GatewayException {

    GatewayBusyException(UpstreamRequest request) {
        super(ErrorCode.UPSTREAM_UNAVAILABLE, "The gateway is busy: too many calls to Bitbucket are waiting for a "
                + "connection, so " + request.resource() + " was not read; try again in a few seconds.");
    }
}
