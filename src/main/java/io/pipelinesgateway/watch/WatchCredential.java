package io.pipelinesgateway.watch;

import java.util.Objects;

import io.pipelinesgateway.bitbucket.Credential;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * A subscriber's credential, lent to the watcher of a repository it subscribed to, so that the watcher polls with
 * the credential of someone who may read it. It lives only in this process's memory, for as long as the
 * subscription: it is never written to Redis, logs (its {@link #toString()} hides it) or cache keys. A null
 * authorization is a caller who sent none, which the sandbox serves as its built-in user.
 */
public final class WatchCredential {

    private final String authorization;

    private WatchCredential(String authorization) {
        this.authorization = authorization;
    }

    /** The credential of the request whose Reactor context this is. */
    public static WatchCredential from(ContextView context) {
        return new WatchCredential(context.<String>getOrEmpty(Credential.CONTEXT_KEY).orElse(null));
    }

    /** A context in which the Bitbucket client sends this credential. */
    public Context writeTo(Context context) {
        return authorization == null ? context.delete(Credential.CONTEXT_KEY)
                : context.put(Credential.CONTEXT_KEY, authorization);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WatchCredential that && Objects.equals(that.authorization, authorization);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(authorization);
    }

    @Override
    public String toString() {
        return "WatchCredential[redacted]";
    }
}
