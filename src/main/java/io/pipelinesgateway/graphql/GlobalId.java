package io.pipelinesgateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import io.pipelinesgateway.error.InvalidInputException;

/**
 * Global object IDs for {@code Node}: the type name and the coordinates that locate the object upstream
 * (e.g. {@code Pipeline} with workspace, repository and uuid), base64url-encoded into one opaque string.
 */
public record GlobalId(String type, List<String> parts) {

    public GlobalId {
        parts = List.copyOf(parts);
    }

    /** The ID of an object of {@code type} at these coordinates; one Bitbucket's answer lacked is left empty. */
    public static String encode(String type, String... parts) {
        StringBuilder raw = new StringBuilder(type);
        for (String part : parts) {
            raw.append('\n').append(part == null ? "" : part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static GlobalId decode(String id) {
        GlobalId global = parse(id);
        if (global == null) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "'" + id + "' is not an ID this gateway issued; use the 'id' field of an object it returned.");
        }
        return global;
    }

    /**
     * Decodes the ID a mutation's input names, which must be of {@code type}: anything else is BAD_USER_INPUT on
     * {@code field}, before any upstream call.
     */
    public static GlobalId decode(String id, String type, String field) {
        GlobalId global = parse(id);
        if (global == null || !global.type().equals(type)) {
            throw new InvalidInputException(field, "'" + field + "' must be the 'id' of a " + type
                    + " the gateway returned; it was '" + id + "'.");
        }
        return global;
    }

    private static GlobalId parse(String id) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id == null ? "" : id), StandardCharsets.UTF_8);
            List<String> fields = new ArrayList<>(List.of(raw.split("\n", -1)));
            // No coordinate the gateway issues is a dot segment, which would climb out of the path it goes in.
            if (fields.size() >= 2 && !fields.get(0).isBlank()
                    && fields.stream().noneMatch(field -> field.equals(".") || field.equals(".."))) {
                return new GlobalId(fields.remove(0), fields);
            }
        }
        catch (IllegalArgumentException malformed) {
            // not base64: reported by the caller
        }
        return null;
    }

    /** The coordinate at {@code index}, checking that the ID has exactly {@code expected} of them. */
    public String part(int index, int expected) {
        if (parts.size() != expected) {
            throw malformed();
        }
        return parts.get(index);
    }

    /** The error for an ID of this type whose coordinates do not fit it. */
    public GatewayException malformed() {
        return new GatewayException(ErrorCode.BAD_USER_INPUT,
                "The ID of a " + type + " is malformed; use the 'id' field of an object the gateway returned.");
    }
}
