package io.pipelinesgateway.bitbucket;

/**
 * How a read reaches Bitbucket. Most reads go through the response cache; a few must see Bitbucket as it is now
 * (the status watcher looking for a change, a run looked for after a timeout), and say so with {@link #LIVE} where
 * they ask, instead of a flag carried along in the Reactor context; a subscription's access check may take a recent
 * proof instead ({@link #LIVE_UNLESS_PROVEN}).
 */
public enum Read {
    /** Through the response cache, with retries on Bitbucket's failures. */
    CACHED,
    /**
     * Past the response cache and in a single attempt, with no retry and no Retry-After wait: a cached answer would
     * hide the very change the reader looks for, and each such call must stay within its budget.
     */
    LIVE,
    /**
     * Through the response cache where the caller's credential has proven its access to the repository within the
     * access window ({@code gateway.cache.shared-access-window}: the proof the shared tier trusts, taken back at once
     * when Bitbucket refuses the credential), else {@link #LIVE}: a subscription's access check, which a page's own
     * reads have often just made.
     */
    LIVE_UNLESS_PROVEN
}
