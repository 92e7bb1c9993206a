package io.pipelinesgateway.security;

import io.pipelinesgateway.bitbucket.Credential;
import reactor.util.context.ContextView;

/**
 * Who sent a GraphQL request, as {@link CallerInterceptor} decided it once for HTTP, SSE and WebSocket alike. It sits
 * in the request's GraphQL context (where {@link OperationAccess} refuses operations before they run) and in its
 * Reactor context (where {@link UpstreamCredentials} picks the credential of each upstream call). No variant's
 * {@code toString} shows a credential.
 */
public sealed interface Caller {

    /** Where a request's caller sits in its Reactor context and its GraphQL context. */
    String CONTEXT_KEY = Caller.class.getName();

    /** The caller of the request whose Reactor context this is; anonymous when none was decided. */
    static Caller from(ContextView context) {
        return context.<Caller>getOrEmpty(CONTEXT_KEY).orElse(Anonymous.INSTANCE);
    }

    /**
     * Whether this caller may change {@code workspace} through the gateway: a service-mode caller's grants decide;
     * for any other caller Bitbucket decides when the change is sent, so this is null (unknown).
     */
    default Boolean mayChange(String workspace) {
        return this instanceof Service service ? service.grants().mayWrite(workspace) : null;
    }

    /** A request that brought no credential at all. */
    record Anonymous() implements Caller {
        static final Anonymous INSTANCE = new Anonymous();
    }

    /** Pass-through: an {@code Authorization} header that is no Bitbucket credential; {@code problem} says why. */
    record Malformed(String problem) implements Caller {
    }

    /** Pass-through: the caller's own Bitbucket credential, forwarded upstream. */
    record Bitbucket(Credential credential) implements Caller {
    }

    /**
     * Service mode: a caller the gateway authenticated itself (an API key or a JWT), which may use the configured
     * workspace credentials as far as its grants go.
     *
     * @param name   the API key's configured name, or the JWT's subject
     * @param source how it authenticated, which says how its grants are written
     */
    record Service(String name, Source source, Grants grants) implements Caller {

        /** "The API key 'portal'" or "The token of 'svc-backstage'", to begin a message with. */
        String described() {
            return source == Source.API_KEY ? "The API key '" + name + "'" : "The token of '" + name + "'";
        }

        /** The grant that would allow {@code access} to {@code workspace}, as this caller's source writes it. */
        String grantFor(String workspace, Grants.Access access) {
            String grant = workspace + ":" + access.name().toLowerCase(java.util.Locale.ROOT);
            return source == Source.API_KEY ? "'" + grant + "'" : "the scope 'pipelines:" + grant + "'";
        }
    }

    /** How a service-mode caller authenticated. */
    enum Source {
        API_KEY, JWT
    }
}
