package io.pipelinesgateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The configured API keys ({@code gateway.security.api-keys}), known by the SHA-256 of each key: a presented key is
 * hashed and compared with every configured hash in constant time, so neither the configuration nor the time an
 * answer takes gives a key away.
 */
@Component
class ApiKeys {

    private record Known(byte[] sha256, Caller.Service caller) {
    }

    private final List<Known> keys;

    ApiKeys(InboundSecurityProperties properties) {
        this.keys = properties.apiKeys().stream()
                .map(key -> new Known(HexFormat.of().parseHex(key.sha256()), new Caller.Service(key.name(),
                        Caller.Source.API_KEY, Grants.parse(key.grants(), key.name()))))
                .toList();
    }

    /** The caller a key belongs to, if it is a configured one. */
    Optional<Caller.Service> caller(String presented) {
        byte[] hash = sha256(presented.trim());
        Caller.Service found = null;
        for (Known key : keys) {
            // Every key is compared, whatever matched before: the time taken does not depend on which one did.
            if (MessageDigest.isEqual(key.sha256(), hash)) {
                found = key.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    boolean any() {
        return !keys.isEmpty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
