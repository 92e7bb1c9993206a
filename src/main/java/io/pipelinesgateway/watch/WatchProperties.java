package io.pipelinesgateway.watch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the status watcher polls: fast while something runs, backing off when nothing does, and never spending more
 * than a budget of upstream calls, which come out of the subscribers' own Bitbucket rate limit (about 1,000 an
 * hour per user).
 *
 * @param fastInterval   the wait between polls of a repository while a pipeline in it runs, or just changed; but
 *                       where only pipeline statuses are followed and the repository's webhooks are seen, a run's end
 *                       brings a delivery, so its run is waited out as an idle repository is
 * @param maxInterval    the longest wait between polls of an idle repository; each idle poll doubles (see
 *                       {@code backoff}) the wait, from {@code fastInterval} up to this. Also about the wait after a
 *                       change seen where only statuses are followed and {@code maxIntervalWithWebhooks} applies (the
 *                       first of the doubling at or past this): the poll that saw it saw what its delivery announced
 * @param maxIntervalWithWebhooks the longest wait instead, while the repository's webhooks are seen and each of the
 *                       pipelines it shows has completed or is paused before a manual step: their next change
 *                       brings a delivery, which makes the watcher poll at once, so polling only guards against a
 *                       delivery lost
 * @param backoff        the factor the wait grows by after each poll that saw nothing run or change
 * @param callsPerMinute the budget: upstream calls a minute, per workspace, that all watchers together may make
 *                       (across replicas, when they share Redis); polls wait for it rather than exceed it
 * @param pageSize       how many of a repository's newest pipelines each poll reads (one call)
 * @param logChunk       the most bytes one read of a growing log takes
 * @param leaseTtl       how long a replica's lease on watching a repository lasts unless renewed (it is renewed
 *                       every third of it); when a replica dies, another takes over within about this
 * @param stateTtl       how long a watcher's memory of a repository (states seen, log offsets) is kept in Redis
 *                       after its last poll, so a replica that takes over goes on where the last one stopped
 */
@ConfigurationProperties("gateway.watch")
public record WatchProperties(
        @DefaultValue("3s") Duration fastInterval,
        @DefaultValue("60s") Duration maxInterval,
        @DefaultValue("10m") Duration maxIntervalWithWebhooks,
        @DefaultValue("2") double backoff,
        @DefaultValue("20") int callsPerMinute,
        @DefaultValue("20") int pageSize,
        @DefaultValue("256KB") DataSize logChunk,
        @DefaultValue("6s") Duration leaseTtl,
        @DefaultValue("15m") Duration stateTtl) {

    public WatchProperties {
        if (fastInterval.isNegative() || fastInterval.isZero() || maxInterval.compareTo(fastInterval) < 0) {
            throw new IllegalArgumentException(
                    "gateway.watch.fast-interval must be positive and gateway.watch.max-interval at least as long");
        }
        if (maxIntervalWithWebhooks.compareTo(maxInterval) < 0) {
            throw new IllegalArgumentException(
                    "gateway.watch.max-interval-with-webhooks must be at least as long as gateway.watch.max-interval");
        }
        if (backoff < 1) {
            throw new IllegalArgumentException("gateway.watch.backoff must be 1 or more");
        }
        if (callsPerMinute < 1) {
            throw new IllegalArgumentException("gateway.watch.calls-per-minute must be at least 1");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("gateway.watch.page-size must be between 1 and 100");
        }
        if (leaseTtl.toMillis() < 300) {
            throw new IllegalArgumentException("gateway.watch.lease-ttl must be at least 300ms");
        }
    }

    /** How often a replica renews its leases, tries to take leases nobody holds, and declares its interests. */
    public Duration leaseRenewal() {
        return leaseTtl.dividedBy(3);
    }

    /**
     * How many quiet polls in a row make the wait reach {@code maxInterval} (none when the wait never grows); beyond
     * it, where {@code maxIntervalWithWebhooks} applies, that is the first wait of the doubling at or past it.
     */
    public int idlePollsToMaxInterval() {
        int polls = 0;
        for (double wait = fastInterval.toMillis(); backoff > 1 && wait < maxInterval.toMillis(); wait *= backoff) {
            polls++;
        }
        return polls;
    }

    /**
     * The wait after {@code idlePolls} polls in a row that saw nothing run or change; up to
     * {@code maxIntervalWithWebhooks} when {@code deliveriesAnnounceChanges}, else up to {@code maxInterval}.
     */
    public Duration interval(int idlePolls, boolean deliveriesAnnounceChanges) {
        Duration longest = deliveriesAnnounceChanges ? maxIntervalWithWebhooks : maxInterval;
        double factor = Math.pow(backoff, Math.min(idlePolls, 30));
        double millis = Math.min(longest.toMillis(), fastInterval.toMillis() * factor);
        return Duration.ofMillis((long) millis);
    }
}
