package io.pipelinesgateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Bitbucket's webhook signature: {@code X-Hub-Signature: sha256=<hex>}, the HMAC-SHA256 of the raw body with
 * the webhook's secret, compared in constant time so the comparison does not leak how much of a guess was right.
 */
final class WebhookSignature {

    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    static boolean valid(String secret, byte[] body, String header) {
        if (secret == null || secret.isEmpty() || header == null) {
            return false;
        }
        String value = header.trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        }
        catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body), given);
    }

    /** The signature of {@code body}, as Bitbucket computes it. */
    static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        }
        catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
