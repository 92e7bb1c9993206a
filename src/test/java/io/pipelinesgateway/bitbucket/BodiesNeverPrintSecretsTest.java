package io.pipelinesgateway.bitbucket;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bodies that carry a variable's value or a private key to Bitbucket never show them when printed or logged. */
class BodiesNeverPrintSecretsTest {

    @Test
    void aVariableAndARunRequestHoldingItHideTheValue() {
        BitbucketVariable variable = new BitbucketVariable("pipeline_variable", null, "TOKEN", "hunter2-value", true);
        BitbucketRunRequest run = new BitbucketRunRequest(new BitbucketTarget("pipeline_ref_target", "branch", "main",
                null, null, null, null, null, null, null, null), List.of(variable));

        assertThat(variable.toString()).contains("TOKEN").doesNotContain("hunter2-value");
        assertThat(run.toString()).contains("TOKEN").doesNotContain("hunter2-value");
    }

    @Test
    void aKeyPairHidesItsPrivateKey() {
        BitbucketSshKeyPair keyPair = new BitbucketSshKeyPair("pipeline_ssh_key_pair",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret-body\n-----END OPENSSH PRIVATE KEY-----\n",
                "ssh-ed25519 AAAA public");

        assertThat(keyPair.toString()).contains("ssh-ed25519 AAAA public").doesNotContain("secret-body");
    }
}
