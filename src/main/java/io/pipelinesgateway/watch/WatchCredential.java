package io.pipelinesgateway.watch;

import io.pipelinesgateway.security.Caller;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * A subscriber's caller, lent to the watcher of a repository it subscribed to, so that the watcher polls as someone
 * who may read it: with the subscriber's own Bitbucket credential (pass-through), or with the workspace's configured
 * credential as far as the subscriber's grants allow (service mode). It lives only in this process's memory, for
 * as long as the subscription: it is never written to Redis, logs (its {@link #toString()} hides it) or cache keys.
 */
public final class WatchCredential {

    private final Caller caller;

    private WatchCredential(Caller caller) {
        this.caller = caller;
    }

    /** The caller of the request whose Reactor context this is. */
    public static WatchCredential from(ContextView context) {
        return new WatchCredential(Caller.from(context));
    }

    /** A context in which the Bitbucket client calls as this caller. */
    public Context writeTo(Context context) {
        return context.put(Caller.CONTEXT_KEY, caller);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WatchCredential that && that.caller.equals(caller);
    }

    @Override
    public int hashCode() {
        return caller.hashCode();
    }

    @Override
    public String toString() {
        return "WatchCredential[redacted]";
    }
}
