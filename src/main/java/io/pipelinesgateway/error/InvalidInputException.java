package io.pipelinesgateway.error;

import java.util.List;

/**
 * Input the gateway rejects before any upstream call, naming the field at fault (a dotted path such as
 * {@code input.scope.environmentUuid}) so that a client can point at it: it reaches the caller as BAD_USER_INPUT with
 * the path in {@code extensions.field}.
 */
public class InvalidInputException extends GatewayException {

    private final List<String> field;

    public InvalidInputException(String field, String message) {
        super(ErrorCode.BAD_USER_INPUT, message);
        this.field = List.of(field.split("\\."));
    }

    /** The path to the field, one element per level, e.g. {@code [input, key]}. */
    public List<String> field() {
        return field;
    }
}
