package io.pipelinesgateway.bitbucket;

import java.util.Locale;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * A caller's Bitbucket credential, exactly as it is forwarded upstream in {@code Authorization}.
 * <p>
 * It travels in the Reactor context of a request, never in arguments, logs or cache keys; {@link #toString()} never
 * shows it.
 */
public final class Credential {

    /** Where a request's raw {@code Authorization} header sits in its Reactor context. */
    public static final String CONTEXT_KEY = Credential.class.getName();

    private final String authorization;

    private Credential(String authorization) {
        this.authorization = authorization;
    }

    /**
     * Reads an {@code Authorization} header value; only {@code Bearer <token>} and {@code Basic <base64>} are
     * Bitbucket credentials.
     *
     * @throws GatewayException UNAUTHENTICATED for any other scheme or an empty value
     */
    public static Credential fromAuthorizationHeader(String header) {
        String value = header == null ? "" : header.trim();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space).toLowerCase(Locale.ROOT);
        String secret = space < 0 ? "" : value.substring(space + 1).trim();
        if (!(scheme.equals("bearer") || scheme.equals("basic")) || secret.isEmpty()) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "The Authorization header must be 'Bearer <access token>' or 'Basic base64(email:api_token)'.");
        }
        return new Credential((scheme.equals("bearer") ? "Bearer " : "Basic ") + secret);
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
