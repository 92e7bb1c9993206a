package io.pipelinesgateway.graphql;

import java.util.List;
import java.util.function.Function;

import io.pipelinesgateway.error.ErrorCode;
import io.pipelinesgateway.error.GatewayException;
import reactor.core.publisher.Mono;

/**
 * Input that Bitbucket itself rejected (400, 409, or another 4xx the gateway has no code of its own for, such as 422),
 * returned in a mutation's {@code userErrors} so a portal can show it beside the field; credentials, permissions,
 * missing objects and availability stay top-level errors, because no change of the input fixes them.
 *
 * @param field the path to the input field at fault, e.g. {@code [input, key]}; null when no one field is
 * @param message what was wrong, safe to show
 */
public record UserError(List<String> field, String message) {

    /**
     * Runs a change, turning Bitbucket's rejection of its input into a payload that carries the user error.
     *
     * @param field    the dotted path of the input field a rejection is about, or null for the input as a whole
     * @param rejected builds the payload of a rejected change
     */
    public static <P> Mono<P> recover(Mono<P> change, String field, Function<UserError, P> rejected) {
        return recover(change, field, GatewayException::getMessage, rejected);
    }

    /** As {@link #recover(Mono, String, Function)}, with a message of the mutation's own that explains the rule. */
    public static <P> Mono<P> recover(Mono<P> change, String field, Function<GatewayException, String> message,
            Function<UserError, P> rejected) {
        return change.onErrorResume(UserError::isRejection, error -> Mono.just(rejected.apply(new UserError(
                field == null ? null : List.of(field.split("\\.")), message.apply((GatewayException) error)))));
    }

    private static boolean isRejection(Throwable error) {
        return error instanceof GatewayException known && known.upstreamStatus() != null
                && (known.code() == ErrorCode.BAD_USER_INPUT || known.code() == ErrorCode.CONFLICT);
    }
}
