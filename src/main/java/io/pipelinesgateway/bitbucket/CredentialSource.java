package io.pipelinesgateway.bitbucket;

import reactor.util.context.ContextView;

/**
 * Where the client gets the credential each upstream call sends. Inbound security implements it (the caller's own
 * credential, or a configured workspace's once the caller's grants allow), so the client knows nothing of how callers
 * authenticate, and no package above it is imported by it.
 */
public interface CredentialSource {

    /**
     * The credential to send for a call about {@code workspace}, or null to send none.
     *
     * @param context the request's Reactor context, which holds its caller
     * @param change  whether the call changes something (a POST, PUT or DELETE), which needs a write grant
     * @throws io.pipelinesgateway.error.GatewayException when the caller may not make the call: it is refused before
     *                                                    the cache is consulted and before any call
     */
    Credential credentialFor(ContextView context, String workspace, boolean change);
}
