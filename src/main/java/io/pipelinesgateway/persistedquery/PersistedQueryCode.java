package io.pipelinesgateway.persistedquery;

/**
 * The {@code extensions.code} of a persisted-query request the gateway could not run. The first two are the ones
 * Apollo Client reacts to by itself.
 */
public enum PersistedQueryCode {
    /** The gateway does not know the hash (yet, or any more): send the query's text with it once. */
    PERSISTED_QUERY_NOT_FOUND,
    /** Persisted queries are turned off ({@code gateway.persisted-queries.enabled}): send the query's text. */
    PERSISTED_QUERY_NOT_SUPPORTED,
    /** The {@code sha256Hash} sent is not the SHA-256 of the query sent with it: nothing was stored or run. */
    PERSISTED_QUERY_HASH_MISMATCH,
    /** A mutation or subscription came with GET, which may be repeated or cached on the way: send it with POST. */
    OPERATION_NOT_ALLOWED_WITH_GET
}
