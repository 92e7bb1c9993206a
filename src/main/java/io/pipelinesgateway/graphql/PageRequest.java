package io.pipelinesgateway.graphql;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;

/**
 * A connection's {@code first} and {@code after}, checked: {@code first} lies between 0 and 100 (Bitbucket's page
 * size cap, which also bounds what one field can cost), {@code after} is a cursor the gateway issued.
 */
public record PageRequest(int first, long offset) {

    public static final int MAX_FIRST = 100;

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? 20 : first;
        if (size < 0 || size > MAX_FIRST) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT,
                    "'first' must be between 0 and " + MAX_FIRST + "; it was " + size + ".");
        }
        return new PageRequest(size, Cursor.decode(after));
    }
}
