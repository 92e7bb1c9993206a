package io.pipelinesgateway.cache;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long an answer may be served from the cache: its base time to live and, for live data that may be kept longer
 * while it stays unchanged (HTTP's heuristic freshness), the bound its time may grow to. Each time such an entry is
 * read again from Bitbucket and its content is unchanged, its next time doubles up to {@code stableMax}; a change
 * starts it again at {@code base}.
 *
 * @param base      the time to live of a fresh answer; zero for not at all
 * @param stableMax how long the answer may be kept at the most while it stays unchanged; at most {@code base} for an
 *                  answer whose time never grows
 * @param compared  what of the answer tells whether it changed, where that is not all of it (counters that count up
 *                  on every read, which the gateway does not serve as news), made only when an answer is fetched;
 *                  null: the answer as fetched
 */
public record Freshness(Duration base, Duration stableMax, Supplier<String> compared) {

    /** An answer kept for {@code base}, growing up to {@code stableMax} while all of it stays unchanged. */
    public Freshness(Duration base, Duration stableMax) {
        this(base, stableMax, null);
    }

    /** An answer kept for {@code timeToLive}, however often it is read unchanged. */
    public static Freshness fixed(Duration timeToLive) {
        return new Freshness(timeToLive, timeToLive);
    }

    /** Whether the answer is kept at all. */
    boolean cached() {
        return base != null && !base.isZero() && !base.isNegative();
    }

    /** Whether the answer's time grows while it stays unchanged. */
    boolean adapts() {
        return cached() && stableMax != null && stableMax.compareTo(base) > 0;
    }

    /** The time after {@code previous}, for an answer read again unchanged: twice as long, up to the bound. */
    Duration after(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(stableMax) > 0 ? stableMax : doubled.compareTo(base) < 0 ? base : doubled;
    }
}
