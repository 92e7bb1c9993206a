package io.pipelinesgateway.bitbucket;

import java.util.regex.Pattern;

import io.pipelinesgateway.error.InvalidInputException;

/**
 * Bitbucket writes UUIDs in braces; callers may paste them with or without. Checking them here turns a typo into a
 * clear BAD_USER_INPUT instead of an upstream call that can only answer 404.
 */
public final class Uuids {

    private static final Pattern UUID = Pattern.compile(
            "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?");

    private Uuids() {
    }

    /**
     * The UUID in braces, as Bitbucket expects it in paths.
     *
     * @param field the argument or input field it came from, as a dotted path such as {@code input.uuid}
     */
    public static String braced(String uuid, String field) {
        String trimmed = uuid == null ? "" : uuid.trim();
        if (!UUID.matcher(trimmed).matches()) {
            throw new InvalidInputException(field,
                    "'" + field + "' must be a UUID such as {2b6f8f34-6c1e-4b5e-9a2e-3f1c0d9e8a7b}; it was '" + uuid
                            + "'.");
        }
        return "{" + bare(trimmed) + "}";
    }

    /** Whether two UUIDs Bitbucket sent are the same, written with or without braces, in either case. */
    public static boolean same(String a, String b) {
        return a != null && b != null && bare(a).equals(bare(b));
    }

    private static String bare(String uuid) {
        return uuid.replace("{", "").replace("}", "").toLowerCase(java.util.Locale.ROOT);
    }
}
