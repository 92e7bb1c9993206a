package io.pipelinesgateway.variable;

import java.util.regex.Pattern;

import io.pipelinesgateway.error.InvalidInputException;

/**
 * Bitbucket's rule for variable names, checked before any upstream call: a key is what a build script reads as
 * {@code $KEY}, so it holds letters, digits and underscores and does not start with a digit.
 */
public final class VariableKeys {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private VariableKeys() {
    }

    /** Whether {@code text} has the shape of a key (a UUID, with its dashes, never has). */
    static boolean isKey(String text) {
        return text != null && KEY.matcher(text).matches();
    }

    /** The key, checked. */
    public static String check(String key, String field) {
        if (key == null || key.isEmpty()) {
            throw new InvalidInputException(field, "'" + field + "' must not be empty.");
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(field, "'" + field + "' may hold only letters, digits and underscores, "
                    + "and must not start with a digit; it was '" + key + "'.");
        }
        return key;
    }
}
