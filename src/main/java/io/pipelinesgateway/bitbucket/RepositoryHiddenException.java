package io.pipelinesgateway.bitbucket;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * Bitbucket's 404 that says the credential may not see the repository ("You may not have access to this repository
 * or it no longer exists"), whatever was asked below it: a refusal, which ends the credential's proof of access, and
 * never the absence of a test report or log, which would be kept and shown to the repository's other readers.
 */
class RepositoryHiddenException extends GatewayException {

    RepositoryHiddenException(String message) {
        super(ErrorCode.NOT_FOUND, message, 404, null);
    }
}
