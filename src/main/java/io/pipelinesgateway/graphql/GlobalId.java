package io.pipelinesgateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * Global object IDs for {@code Node}: the type name and the coordinates that locate the object upstream
 * (e.g. {@code Pipeline} with workspace, repository and uuid), base64url-encoded into one opaque string.
 */
public record GlobalId(String type, List<String> parts) {

    public GlobalId {
        parts = List.copyOf(parts);
    }

    public static String encode(String type, String... parts) {
        StringBuilder raw = new StringBuilder(type);
        for (String part : parts) {
            raw.append('\n').append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static GlobalId decode(String id) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            List<String> fields = new ArrayList<>(List.of(raw.split("\n", -1)));
            if (fields.size() >= 2 && !fields.get(0).isBlank()) {
                return new GlobalId(fields.remove(0), fields);
            }
        }
        catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                "'" + id + "' is not an ID this gateway issued; use the 'id' field of an object it returned.");
    }

    /** The coordinate at {@code index}, checking that the ID has exactly {@code expected} of them. */
    public String part(int index, int expected) {
        if (parts.size() != expected) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "The ID of a " + type + " is malformed; use the 'id' field of an object the gateway returned.");
        }
        return parts.get(index);
    }
}
