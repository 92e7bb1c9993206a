package io.pipelinesgateway.bitbucket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket's words in an error message can quote the caller's input whole: the gateway echoes at most their first
 * 200 characters, then an ellipsis, and never cuts a character in two.
 */
class BitbucketsWordsAreEchoedUpToTwoHundredCharactersTest {

    @Test
    void wordsUpToTheLimitAreEchoedWhole() {
        String words = "Could not find last reference for branch " + "x".repeat(159);

        assertThat(UpstreamFailures.abridged(words)).isEqualTo(words).hasSize(UpstreamFailures.ECHOED_CHARACTERS);
    }

    @Test
    void longerWordsAreCutAtTheLimitWithAnEllipsis() {
        String words = "Could not find last reference for branch " + "x".repeat(5_000);

        assertThat(UpstreamFailures.abridged(words))
                .isEqualTo(words.substring(0, UpstreamFailures.ECHOED_CHARACTERS) + "…");
    }

    @Test
    void aCharacterThatTheLimitWouldCutInTwoIsLeftOutWhole() {
        String words = "x".repeat(UpstreamFailures.ECHOED_CHARACTERS - 1) + "😀" + "tail";

        assertThat(UpstreamFailures.abridged(words))
                .isEqualTo("x".repeat(UpstreamFailures.ECHOED_CHARACTERS - 1) + "…");
    }
}
