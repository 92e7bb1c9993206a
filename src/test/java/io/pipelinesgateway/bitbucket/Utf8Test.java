package io.pipelinesgateway.bitbucket;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Log chunks are cut between characters, never inside one, so each chunk's text decodes on its own. */
class Utf8Test {

    @Test
    void aReadEndingInsideACharacterIsCutBeforeIt() {
        byte[] text = "build ✓ done".getBytes(StandardCharsets.UTF_8);
        int check = "build ".getBytes(StandardCharsets.UTF_8).length;
        for (int cut = check + 1; cut < check + 3; cut++) {
            assertThat(Utf8.completePrefix(Arrays.copyOf(text, cut))).isEqualTo(check);
        }
        assertThat(Utf8.completePrefix(Arrays.copyOf(text, check + 3))).isEqualTo(check + 3);
    }

    @Test
    void aReadEndingBetweenCharactersIsKeptWhole() {
        byte[] text = "4-byte 😀 and ascii".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.completePrefix(text)).isEqualTo(text.length);
        assertThat(Utf8.completePrefix(new byte[0])).isZero();
    }

    @Test
    void aFirstReadInTheMiddleOfALogStartsAtItsFirstWholeLine() {
        byte[] text = "ial line\nsecond line\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.lineStart(text)).isEqualTo("ial line\n".length());
        byte[] continuation = Arrays.copyOfRange("é-no-newline".getBytes(StandardCharsets.UTF_8), 1, 12);
        assertThat(Utf8.lineStart(continuation)).isEqualTo(1);
    }
}
