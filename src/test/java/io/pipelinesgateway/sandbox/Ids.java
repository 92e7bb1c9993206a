package io.pipelinesgateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Deterministic identifiers: the seed must produce the same uuids and commit hashes on every start, so that links,
 * bookmarks and test expectations stay valid across restarts.
 */
final class Ids {

    private Ids() {
    }

    /** A braced UUID, as Bitbucket writes them, derived from a name. */
    static String uuid(String name) {
        return "{" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "}";
    }

    /** A 40-hex-digit commit hash derived from a name. */
    static String commitHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares uuids regardless of braces and case: clients send them braced, bare or URL-decoded. */
    static boolean sameUuid(String braced, String candidate) {
        return candidate != null && strip(braced).equals(strip(candidate));
    }

    private static String strip(String uuid) {
        String s = uuid.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }
}
