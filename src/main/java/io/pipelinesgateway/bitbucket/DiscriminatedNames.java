package io.pipelinesgateway.bitbucket;

import java.util.Locale;

/**
 * Reads the names Bitbucket gives states, stages, results and triggers: from {@code name}, or from the {@code type}
 * discriminator when a payload lacks the name (e.g. {@code pipeline_state_completed_failed} is FAILED). Names the
 * gateway does not know become UNKNOWN, so a new Bitbucket value never fails a query.
 */
public final class DiscriminatedNames {

    private DiscriminatedNames() {
    }

    /** The upper-case name, from {@code name} or else from {@code type} after {@code typePrefix}; null if neither. */
    public static String nameOf(String name, String type, String typePrefix) {
        if (name != null && !name.isBlank()) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (type != null && type.startsWith(typePrefix)) {
            return type.substring(typePrefix.length()).toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /** As {@link #nameOf(String, String, String)} for a named object, which may be absent. */
    public static String nameOf(BitbucketNamed named, String typePrefix) {
        return named == null ? null : nameOf(named.name(), named.type(), typePrefix);
    }

    /** {@code value} when it is one of {@code names}, else UNKNOWN. */
    public static String known(String value, String... names) {
        for (String candidate : names) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        return "UNKNOWN";
    }
}
