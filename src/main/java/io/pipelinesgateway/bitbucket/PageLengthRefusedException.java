package io.pipelinesgateway.bitbucket;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * Bitbucket refusing the page length a listing was asked in ({@code 400} "Invalid pagelen"): its endpoint serves
 * shorter pages than the 100 items Bitbucket documents. {@link Listings} learns a shorter length from it and asks
 * again; it reaches a caller only where no shorter length is left to ask.
 */
class PageLengthRefusedException extends GatewayException {

    PageLengthRefusedException(String message) {
        super(ErrorCode.BAD_USER_INPUT, message, 400, null);
    }
}
