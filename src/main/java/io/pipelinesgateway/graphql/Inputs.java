package io.pipelinesgateway.graphql;

import java.util.List;

import io.pipelinesgateway.error.InvalidInputException;

/**
 * Checks of mutation input that GraphQL's types cannot express, made before any upstream call so that a mistake
 * costs no request and names its field; and the reading of arguments graphql-java gives in another shape than the
 * gateway's types.
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

    /**
     * A list argument of a schema enum as the Java enum of the same names (graphql-java gives an enum value by its
     * name); null when the argument is not given.
     */
    public static <E extends Enum<E>> List<E> enums(List<?> names, Class<E> type) {
        return names == null ? null : names.stream().map(name -> Enum.valueOf(type, name.toString())).toList();
    }
}
