package io.pipelinesgateway.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pipelinesgateway.bitbucket.Credential;
import io.pipelinesgateway.bitbucket.CredentialSource;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import reactor.util.context.ContextView;

import org.springframework.stereotype.Component;

/**
 * Picks the credential of each upstream call from the request's {@link Caller}: in pass-through mode the caller's
 * own; in service mode the configured credential of the workspace the call concerns, once the caller's grants allow
 * reading it (or, for a change, writing it). The Bitbucket client asks before it consults the cache, so a caller is
 * never served an entry of a workspace it may not read.
 */
@Component
public class UpstreamCredentials implements CredentialSource {

    /** What {@code UpstreamRequest.workspace()} names when a request concerns the caller's own account. */
    private static final String ACCOUNT = "_account";

    private final InboundSecurityProperties security;
    private final Map<String, Credential> workspaces = new HashMap<>();

    UpstreamCredentials(InboundSecurityProperties security, WorkspaceProperties configured) {
        this.security = security;
        configured.workspaces().forEach(workspace -> {
            if (workspace.token() != null) {
                workspaces.put(workspace.slug(), Credential.bearer(workspace.token()));
            }
            else if (workspace.username() != null) {
                workspaces.put(workspace.slug(), Credential.basic(workspace.username(), workspace.apiToken()));
            }
        });
    }

    /**
     * The credential to send for a call about {@code workspace}, or null to send none (an anonymous caller that
     * the configuration lets through, as the sandbox's built-in user).
     *
     * @param change whether the call changes something (a POST, PUT or DELETE), which needs a write grant
     * @throws GatewayException UNAUTHENTICATED without a usable caller, FORBIDDEN without the grant or a configured
     *                          credential
     */
    @Override
    public Credential credentialFor(ContextView context, String workspace, boolean change) {
        Caller caller = Caller.from(context);
        if (caller instanceof Caller.Bitbucket bitbucket) {
            return bitbucket.credential();
        }
        if (caller instanceof Caller.Service service) {
            return serviceCredential(service, workspace, change);
        }
        if (caller instanceof Caller.Malformed malformed) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, malformed.problem());
        }
        if (security.mode() == InboundSecurityProperties.Mode.PASS_THROUGH && security.anonymous()) {
            return null;
        }
        throw new GatewayException(ErrorCode.UNAUTHENTICATED, OperationAccess.whatToSend(security.mode()));
    }

    /**
     * Of {@code workspaces}, those the caller can read through the gateway: in service mode those it has a grant on
     * and the gateway has a credential for; in pass-through mode all of them (Bitbucket decides).
     */
    public List<String> readable(ContextView context, List<String> workspaces) {
        if (!(Caller.from(context) instanceof Caller.Service service)) {
            return workspaces;
        }
        return workspaces.stream()
                .filter(workspace -> service.grants().mayRead(workspace) && this.workspaces.containsKey(workspace))
                .toList();
    }

    private Credential serviceCredential(Caller.Service caller, String workspace, boolean change) {
        if (ACCOUNT.equals(workspace)) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "The gateway calls Bitbucket with the configured "
                    + "workspaces' credentials, so there is no account of the caller to read: name a workspace.");
        }
        if (change ? !caller.grants().mayWrite(workspace) : !caller.grants().mayRead(workspace)) {
            Grants.Access needed = change ? Grants.Access.WRITE : Grants.Access.READ;
            throw new GatewayException(ErrorCode.FORBIDDEN, caller.described() + " may not "
                    + (change ? "change" : "read") + " workspace '" + workspace + "': that needs "
                    + caller.grantFor(workspace, needed) + ".");
        }
        Credential credential = workspaces.get(workspace);
        if (credential == null) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "The gateway has no credential for workspace '"
                    + workspace + "': an operator sets gateway.workspaces[N].token, or .username and .api-token, "
                    + "for it.");
        }
        return credential;
    }
}
