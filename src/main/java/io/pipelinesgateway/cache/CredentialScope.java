package io.pipelinesgateway.cache;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names the credential that fetched a cache entry without holding it: a keyed hash (HMAC-SHA256) of the
 * {@code Authorization} value. Without the key the hash cannot be tested against guessed tokens, and two callers
 * share entries only when they send the same credential.
 */
final class CredentialScope {

    static final String ANONYMOUS = "anonymous";

    private final SecretKeySpec key;

    CredentialScope(String secret) {
        byte[] bytes;
        if (secret == null || secret.isEmpty()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
        }
        else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    String of(String authorization) {
        if (authorization == null) {
            return ANONYMOUS;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(authorization.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
        }
        catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
