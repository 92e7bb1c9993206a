package io.pipelinesgateway.bitbucket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import io.pipelinesgateway.cache.KeyedHash;
import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * A Bitbucket credential, exactly as it is sent upstream in {@code Authorization}: a caller's own (pass-through) or a
 * configured workspace's (service credentials).
 * <p>
 * It is never put in logs or cache keys; {@link #toString()} never shows it.
 */
public final class Credential {

    private final String authorization;

    private Credential(String authorization) {
        this.authorization = authorization;
    }

    /**
     * Reads an {@code Authorization} header value; only {@code Bearer <token>} and {@code Basic <base64>} of
     * {@code user:secret} are Bitbucket credentials.
     *
     * @throws GatewayException UNAUTHENTICATED for any other scheme, an empty value, or a Basic value that is not the
     *                          base64 of a user and a secret joined by a colon (Bitbucket could only refuse it)
     */
    public static Credential fromAuthorizationHeader(String header) {
        String value = header == null ? "" : header.trim();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space).toLowerCase(Locale.ROOT);
        String secret = space < 0 ? "" : value.substring(space + 1).trim();
        if (!(scheme.equals("bearer") || scheme.equals("basic")) || secret.isEmpty()
                || scheme.equals("basic") && !isUserAndSecret(secret)) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "The Authorization header must be 'Bearer <access token>' or 'Basic base64(email:api_token)'.");
        }
        return new Credential((scheme.equals("bearer") ? "Bearer " : "Basic ") + secret);
    }

    /** Whether a Basic value is the base64 of {@code user:secret}, both non-empty. */
    private static boolean isUserAndSecret(String base64) {
        try {
            String decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && colon < decoded.length() - 1;
        }
        catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** A workspace, project or repository access token, sent as {@code Bearer}. */
    public static Credential bearer(String token) {
        return new Credential("Bearer " + token);
    }

    /** An Atlassian account's email (or username) and API token, sent as {@code Basic}. */
    public static Credential basic(String username, String apiToken) {
        return new Credential("Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + apiToken).getBytes(StandardCharsets.UTF_8)));
    }

    /** This credential's name under {@code hash}: what may stand for it in a key, as the value itself never does. */
    public String nameUnder(KeyedHash hash) {
        return hash.of(authorization);
    }

    /** The header value to send upstream. */
    String authorization() {
        return authorization;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credential that && that.authorization.equals(authorization);
    }

    @Override
    public int hashCode() {
        return authorization.hashCode();
    }

    @Override
    public String toString() {
        return "Credential[redacted]";
    }
}
