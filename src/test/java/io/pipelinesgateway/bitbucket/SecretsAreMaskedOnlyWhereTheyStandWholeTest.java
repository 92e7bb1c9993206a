package io.pipelinesgateway.bitbucket;

import java.util.List;
import java.util.Map;

import io.pipelinesgateway.logging.Redactor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.pipelinesgateway.support.TestSecrets.REPOSITORY_SECRET;
import static io.pipelinesgateway.support.TestSecrets.SSH_PRIVATE_KEY_BODY;
import static io.pipelinesgateway.support.TestSecrets.privateKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of a change's body is a secret to mask in Bitbucket's message (a value that is or may be secured, a private
 * key), and where: a secret is masked where it stands whole, never inside a word that happens to hold its letters,
 * so a short one leaves the message readable.
 */
class SecretsAreMaskedOnlyWhereTheyStandWholeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MASK = Redactor.MASK;

    @Test
    void aOneLetterSecretLeavesTheWordsHoldingItsLetter() {
        String message = "A variable with the key MAVEN_OPTS already exists.";

        assertThat(UpstreamFailures.masked(message, List.of("e"))).isEqualTo(message);
        assertThat(UpstreamFailures.masked(message, List.of("x"))).isEqualTo(message);
        assertThat(UpstreamFailures.masked(message, List.of("A"))).isEqualTo("[REDACTED] variable with the key "
                + "MAVEN_OPTS already exists.");
    }

    @Test
    void aSecretStandingWholeIsMaskedWhateverSurroundsIt() {
        assertThat(UpstreamFailures.masked("Invalid value 'e' for KEY", List.of("e")))
                .isEqualTo("Invalid value '" + MASK + "' for KEY");
        assertThat(UpstreamFailures.masked("KEY=" + REPOSITORY_SECRET + ", rejected", List.of(REPOSITORY_SECRET)))
                .isEqualTo("KEY=" + MASK + ", rejected");
        assertThat(UpstreamFailures.masked(REPOSITORY_SECRET, List.of(REPOSITORY_SECRET))).isEqualTo(MASK);
    }

    @Test
    void aSecretInsideAKeyOrAWordIsLeft() {
        assertThat(UpstreamFailures.masked("Key DEPLOY_TOKEN is taken", List.of("TOKEN", "DEPLOY")))
                .isEqualTo("Key DEPLOY_TOKEN is taken");
        assertThat(UpstreamFailures.masked("Key DEPLOY_TOKEN is taken", List.of("KEN", "LOY_T")))
                .isEqualTo("Key DEPLOY_TOKEN is taken");
    }

    @Test
    void aSecretEndingInPunctuationIsMaskedBesideAWordOnThatSide() {
        assertThat(UpstreamFailures.masked("value p@ss! rejected; KEY=p@ss!x", List.of("p@ss!")))
                .isEqualTo("value " + MASK + " rejected; KEY=" + MASK + "x");
    }

    @Test
    void aSecretHoldingAnotherIsMaskedWhole() {
        assertThat(UpstreamFailures.masked("Invalid 'hunter2-prod'", List.of("hunter2", "hunter2-prod")))
                .isEqualTo("Invalid '" + MASK + "'");
    }

    @Test
    void aValueSentAsNotSecuredIsNoSecret() {
        assertThat(UpstreamFailures.secretsIn(JSON.valueToTree(
                new BitbucketVariable("pipeline_variable", null, "MAVEN_OPTS", "-Xmx1g", false)))).isEmpty();
    }

    @Test
    void aValueSentSecuredOrWithoutSayingIsASecret() {
        assertThat(UpstreamFailures.secretsIn(JSON.valueToTree(
                new BitbucketVariable("pipeline_variable", null, "TOKEN", REPOSITORY_SECRET, true))))
                .containsExactly(REPOSITORY_SECRET);
        assertThat(UpstreamFailures.secretsIn(JSON.valueToTree(
                new BitbucketVariable("pipeline_variable", "{u}", null, " " + REPOSITORY_SECRET + "\n", null))))
                .containsExactly(" " + REPOSITORY_SECRET + "\n", REPOSITORY_SECRET);
    }

    @Test
    void aRunsSecuredVariablesAreSecretsAndItsOthersAreNot() {
        BitbucketRunRequest run = new BitbucketRunRequest(null, List.of(
                new BitbucketVariable(null, null, "TOKEN", REPOSITORY_SECRET, true),
                new BitbucketVariable(null, null, "LEVEL", "debug", false)));

        assertThat(UpstreamFailures.secretsIn(JSON.valueToTree(run))).containsExactly(REPOSITORY_SECRET);
    }

    @Test
    void aPrivateKeyIsASecretWholeAndLineByLineButNotItsArmour() {
        String key = privateKey(SSH_PRIVATE_KEY_BODY);

        assertThat(UpstreamFailures.secretsIn(JSON.valueToTree(Map.of("private_key", key,
                "public_key", "ssh-ed25519 AAAA me@acme"))))
                .containsExactlyInAnyOrder(key, key.strip(), SSH_PRIVATE_KEY_BODY);
    }
}
