package io.pipelinesgateway.graphql;

import io.pipelinesgateway.error.InvalidInputException;

/**
 * Checks of mutation input that GraphQL's types cannot express, made before any upstream call so that a mistake
 * costs no request and names its field.
 */
public final class Inputs {

    private Inputs() {
    }

    /**
     * The text exactly as given (a private key's final newline matters); it must not be blank.
     */
    public static String nonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "'" + field + "' must not be empty.");
        }
        return value;
    }

    /** A number that must be 1 or more, such as a build number. */
    public static int positive(int value, String field) {
        if (value < 1) {
            throw new InvalidInputException(field, "'" + field + "' must be a positive number; it was " + value + ".");
        }
        return value;
    }
}
