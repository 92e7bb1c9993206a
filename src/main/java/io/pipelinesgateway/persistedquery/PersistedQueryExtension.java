package io.pipelinesgateway.persistedquery;

import java.util.Map;

/**
 * The shape of Apollo's automatic persisted query extension, {@code extensions.persistedQuery}: an object with
 * {@code version} 1 and the query's SHA-256 as {@code sha256Hash}. graphql-java reads it by casting, so a request that
 * sends it in another shape must be refused where the request arrives, over HTTP or WebSocket, with a message that
 * says what to send, before graphql-java fails on it.
 */
public final class PersistedQueryExtension {

    private static final String EXPECTED = "a JSON object such as {\"version\": 1, \"sha256Hash\": \"<the SHA-256 of "
            + "the query's text, 64 hexadecimal digits>\"}";

    private PersistedQueryExtension() {
    }

    /** What is wrong with the request's {@code extensions.persistedQuery}, if it has one; null when nothing is. */
    public static String problem(Map<String, Object> extensions) {
        if (extensions == null || !extensions.containsKey("persistedQuery")) {
            return null;
        }
        if (!(extensions.get("persistedQuery") instanceof Map<?, ?> persistedQuery)) {
            return "'extensions.persistedQuery' must be " + EXPECTED + ".";
        }
        Object version = persistedQuery.get("version");
        if (version != null && !(version instanceof Number number && number.doubleValue() == 1)) {
            return "'extensions.persistedQuery.version' " + version + " is not supported: send version 1.";
        }
        if (!(persistedQuery.get("sha256Hash") instanceof String hash) || !isSha256(hash)) {
            return "'extensions.persistedQuery.sha256Hash' must be the SHA-256 of the query's text, 64 hexadecimal "
                    + "digits: 'extensions.persistedQuery' must be " + EXPECTED + ".";
        }
        return null;
    }

    /** Whether {@code hash} is a SHA-256 written as 64 hexadecimal digits, in either case. */
    static boolean isSha256(String hash) {
        return hash.length() == 64 && hash.chars()
                .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }
}
