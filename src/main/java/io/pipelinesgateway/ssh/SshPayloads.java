package io.pipelinesgateway.ssh;

import java.util.List;

import io.pipelinesgateway.graphql.UserError;

/** What the SSH mutations return: the object as Bitbucket now has it, or why not. */
final class SshPayloads {

    private SshPayloads() {
    }

    /** What {@code setSshKeyPair} returns. */
    record KeyPair(SshKeyPair sshKeyPair, List<UserError> userErrors) {

        static KeyPair of(SshKeyPair keyPair) {
            return new KeyPair(keyPair, List.of());
        }

        static KeyPair rejected(UserError error) {
            return new KeyPair(null, List.of(error));
        }
    }

    /** What {@code createKnownHost} and {@code updateKnownHost} return. */
    record Host(KnownHost knownHost, List<UserError> userErrors) {

        static Host of(KnownHost knownHost) {
            return new Host(knownHost, List.of());
        }

        static Host rejected(UserError error) {
            return new Host(null, List.of(error));
        }
    }
}
