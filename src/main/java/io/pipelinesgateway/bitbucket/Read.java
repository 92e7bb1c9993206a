package io.pipelinesgateway.bitbucket;

/**
 * How a read reaches Bitbucket. Most reads go through the response cache; a few must see Bitbucket as it is now
 * (the status watcher looking for a change, a subscription's access check, a run looked for after a timeout), and
 * say so with {@link #LIVE} where they ask, instead of a flag carried along in the Reactor context.
 */
public enum Read {
    /** Through the response cache, with retries on Bitbucket's failures. */
    CACHED,
    /**
     * Past the response cache and in a single attempt, with no retry and no Retry-After wait: a cached answer would
     * hide the very change the reader looks for, and each such call must stay within its budget.
     */
    LIVE
}
