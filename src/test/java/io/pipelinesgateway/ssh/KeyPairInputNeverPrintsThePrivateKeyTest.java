package io.pipelinesgateway.ssh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The input that sets a key pair never shows the private key when printed or logged. */
class KeyPairInputNeverPrintsThePrivateKeyTest {

    @Test
    void thePrivateKeyIsHidden() {
        SshInputs.SetKeyPair input = new SshInputs.SetKeyPair("acme", "api",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret-body\n-----END OPENSSH PRIVATE KEY-----\n",
                "ssh-ed25519 AAAA public");

        assertThat(input.toString()).contains("ssh-ed25519 AAAA public").doesNotContain("secret-body");
    }
}
