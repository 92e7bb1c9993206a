package io.pipelinesgateway.watch;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A watcher polls fast while something runs and backs off, doubling, up to the configured longest wait; up to a longer
 * one where webhook deliveries announce the next change.
 */
class WatchIntervalTest {

    private final WatchProperties properties = new WatchProperties(Duration.ofSeconds(3), Duration.ofSeconds(60),
            Duration.ofMinutes(10), 2, 20, 20, DataSize.ofKilobytes(256), Duration.ofSeconds(6),
            Duration.ofMinutes(15));

    @Test
    void theWaitDoublesWithEachIdlePollUpToTheLongest() {
        assertThat(properties.interval(0, false)).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.interval(1, false)).isEqualTo(Duration.ofSeconds(6));
        assertThat(properties.interval(3, false)).isEqualTo(Duration.ofSeconds(24));
        assertThat(properties.interval(5, false)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.interval(1000, false)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void whereDeliveriesAnnounceTheNextChangeTheWaitGoesOnDoublingUpToTheLongerLongest() {
        assertThat(properties.interval(0, true)).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.interval(5, true)).isEqualTo(Duration.ofSeconds(96));
        assertThat(properties.interval(7, true)).isEqualTo(Duration.ofSeconds(384));
        assertThat(properties.interval(8, true)).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.interval(1000, true)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theQuietPollsThatMakeTheLongestWaitAreCountedFromTheFastOne() {
        int polls = properties.idlePollsToMaxInterval();
        assertThat(polls).isEqualTo(5);
        // 3 s doubled five times: the first wait of the doubling at or past max-interval.
        assertThat(properties.interval(polls, true)).as("where a watcher goes on after a delivered end")
                .isEqualTo(Duration.ofSeconds(96));
        assertThat(properties.interval(polls - 1, true)).isLessThan(Duration.ofSeconds(60));
        assertThat(new WatchProperties(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(64), 2, 20,
                20, DataSize.ofKilobytes(256), Duration.ofSeconds(6), Duration.ofMinutes(15)).idlePollsToMaxInterval())
                .as("a power of the backoff").isEqualTo(3);
        assertThat(new WatchProperties(Duration.ofSeconds(3), Duration.ofSeconds(60), Duration.ofMinutes(10), 1, 20,
                20, DataSize.ofKilobytes(256), Duration.ofSeconds(6), Duration.ofMinutes(15)).idlePollsToMaxInterval())
                .as("a wait that never grows").isZero();
    }

    @Test
    void aLongestWaitShorterThanTheFastOneIsRefusedAtStart() {
        assertThatThrownBy(() -> new WatchProperties(Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofMinutes(10), 2, 20, 20, DataSize.ofKilobytes(256), Duration.ofSeconds(6),
                Duration.ofMinutes(15)))
                .hasMessageContaining("max-interval");
    }

    @Test
    void aLongestWaitWithWebhooksShorterThanTheLongestWaitIsRefusedAtStart() {
        assertThatThrownBy(() -> new WatchProperties(Duration.ofSeconds(3), Duration.ofSeconds(60),
                Duration.ofSeconds(30), 2, 20, 20, DataSize.ofKilobytes(256), Duration.ofSeconds(6),
                Duration.ofMinutes(15)))
                .hasMessageContaining("max-interval-with-webhooks");
    }
}
