package io.pipelinesgateway.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedHashTest {

    private final KeyedHash hash = new KeyedHash("a key of this test's own");

    @Test
    void equalValuesHaveOneNameWhicheverInstanceAsksAndNeverShowTheValue() {
        String value = "Bearer " + "token-one";
        String name = hash.of(value);

        assertThat(hash.of(value)).isEqualTo(name);
        assertThat(hash.of(new String(value))).isEqualTo(name);
        assertThat(name).hasSize(24).doesNotContain("token").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aValueNamedRightAfterAnotherGetsItsOwnName() {
        String first = "Bearer first";
        String second = "Bearer second";
        String firstName = hash.of(first);

        assertThat(hash.of(second)).isNotEqualTo(firstName);
        assertThat(hash.of(first)).isEqualTo(firstName);
        assertThat(hash.of(second)).isEqualTo(new KeyedHash("a key of this test's own").of(second));
    }

    @Test
    void anotherKeyNamesTheSameValueOtherwise() {
        assertThat(new KeyedHash("another key").of("Bearer first")).isNotEqualTo(hash.of("Bearer first"));
    }

    @Test
    void eachThreadNamesAValueAsTheOthersDo() throws InterruptedException {
        String value = "Bearer shared";
        String[] named = new String[1];
        Thread other = new Thread(() -> named[0] = hash.of(value));
        other.start();
        other.join();

        assertThat(named[0]).isEqualTo(hash.of(value));
    }
}
