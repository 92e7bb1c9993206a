package io.pipelinesgateway.sandbox;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * One RSA signing key per workspace, as Bitbucket publishes for Pipelines' OpenID Connect tokens. Generated on first
 * use (a real key, so clients can parse it), then kept for the life of the process.
 */
@Component
@Profile("sandbox")
class OidcKeys {

    private final Map<String, SandboxJson.Key> keys = new ConcurrentHashMap<>();

    SandboxJson.Key key(SandboxWorkspace workspace) {
        return keys.computeIfAbsent(workspace.uuid(), uuid -> generate());
    }

    private static SandboxJson.Key generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
            String n = base64Url(key.getModulus());
            String e = base64Url(key.getPublicExponent());
            // The key id is the key's RFC 7638 thumbprint, so it changes whenever the key does.
            String canonical = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
            byte[] thumbprint = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8));
            String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(thumbprint);
            return new SandboxJson.Key("RSA", kid, "RS256", "sig", n, e);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
