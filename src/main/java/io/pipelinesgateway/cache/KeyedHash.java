package io.pipelinesgateway.cache;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names a secret (a credential, an API key, a client's address) without holding it: a keyed hash (HMAC-SHA256),
 * shortened to 144 bits. Without the key the name cannot be tested against guessed values, so it may go into cache
 * and rate-limit keys in a shared Redis. The key is {@code gateway.cache.key-secret}: replicas that should agree on
 * names (share cache entries, share a client's rate limit) need the same one.
 */
public final class KeyedHash {

    private final SecretKeySpec key;
    /**
     * A Mac per thread, keyed once: looking the algorithm up and keying it is most of the cost of a name, and every
     * cached read asks for one. {@link Mac#doFinal} leaves a Mac ready for the next value.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

    /** A hash keyed with {@code secret}, or with a random key of this process's own when it is empty. */
    public KeyedHash(String secret) {
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

    /** The name of {@code value}: 24 URL-safe characters, the same for the same value and key. */
    public String of(String value) {
        byte[] digest = macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        }
        catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
