package io.pipelinesgateway.watch;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A watcher polls fast while something runs and backs off, doubling, up to the configured longest wait. */
class WatchIntervalTest {

    private final WatchProperties properties = new WatchProperties(Duration.ofSeconds(3), Duration.ofSeconds(60), 2,
            20, 20, DataSize.ofKilobytes(256), Duration.ofSeconds(6), Duration.ofMinutes(15));

    @Test
    void theWaitDoublesWithEachIdlePollUpToTheLongest() {
        assertThat(properties.interval(0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.interval(1)).isEqualTo(Duration.ofSeconds(6));
        assertThat(properties.interval(3)).isEqualTo(Duration.ofSeconds(24));
        assertThat(properties.interval(5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.interval(1000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aLongestWaitShorterThanTheFastOneIsRefusedAtStart() {
        assertThatThrownBy(() -> new WatchProperties(Duration.ofSeconds(10), Duration.ofSeconds(5), 2, 20, 20,
                DataSize.ofKilobytes(256), Duration.ofSeconds(6), Duration.ofMinutes(15)))
                .hasMessageContaining("max-interval");
    }
}
