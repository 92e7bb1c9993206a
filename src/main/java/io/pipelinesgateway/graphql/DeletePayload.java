package io.pipelinesgateway.graphql;

import java.util.List;

/**
 * What every delete mutation returns: whether the object is gone, its global ID when it had one (so a client can
 * drop it from its store), and the user errors when Bitbucket refused.
 */
public record DeletePayload(String deletedId, List<UserError> userErrors) {

    public static DeletePayload deleted(String deletedId) {
        return new DeletePayload(deletedId, List.of());
    }

    public static DeletePayload rejected(UserError error) {
        return new DeletePayload(null, List.of(error));
    }

    public boolean deleted() {
        return userErrors.isEmpty();
    }
}
