package io.pipelinesgateway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.pipelinesgateway.support.Subscriptions;
import io.pipelinesgateway.watch.WatchProperties;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * An hour of a portal whose pages keep live status open: each of the load repositories followed by a status
 * subscription ({@code pipelineStatusChanged}), as a developer portal's entity pages do, the subscriptions spread over
 * {@link PortalHour#USERS} credentials, while the repositories start runs at the seed's cadence with the sandbox's
 * webhooks on. What it costs is the watchers' polls: with time compressed as in the portal hours, the watchers' waits
 * too ({@code gateway.watch.*-interval} divided by {@link PortalHour#COMPRESSION}). It reports the calls of the hour
 * (those carrying the users' credentials: the watchers poll with theirs), the status events the subscribers received,
 * and how long after a run started its first event arrived.
 *
 * @param name      the configuration, as the report names it
 * @param arguments the gateway's settings besides the compressed times
 */
record FollowedHour(String name, List<String> arguments) {

    /** What each hour cost and how soon its news arrived. */
    record Result(String name, List<Hour> hours) {
    }

    /** One hour: its calls, the busiest user's, the events told, the deliveries, and each run's news delay. */
    record Hour(long calls, long maxPerUser, long events, long deliveries, int runs, double meanNewsSeconds,
            double maxNewsSeconds) {
    }

    /** The arguments that compress the watcher's waits by {@link PortalHour#COMPRESSION}, from their defaults. */
    static List<String> compressedWatchTime() {
        WatchProperties defaults = new Binder().bindOrCreate("gateway.watch", WatchProperties.class);
        return List.of(
                "--gateway.watch.fast-interval=" + compressed(defaults.fastInterval()),
                "--gateway.watch.max-interval=" + compressed(defaults.maxInterval()),
                "--gateway.watch.max-interval-with-webhooks=" + compressed(defaults.maxIntervalWithWebhooks()));
    }

    private static String compressed(Duration wait) {
        return Math.max(1, wait.dividedBy(PortalHour.COMPRESSION).toMillis()) + "ms";
    }

    Result run(List<String> repositories) {
        try (BenchGateway gateway = BenchGateway.start(arguments.toArray(String[]::new))) {
            Map<String, Long> lastEventAt = new ConcurrentHashMap<>();
            AtomicLong events = new AtomicLong();
            Disposable.Composite subscriptions = Disposables.composite();
            for (int index = 0; index < repositories.size(); index++) {
                String repository = repositories.get(index);
                String[] parts = repository.split("/");
                String follower = "Bearer " + DashboardBenchmark.portalUser(index % PortalHour.USERS);
                subscriptions.add(Subscriptions.SERVER_SENT_EVENTS.pipelineStatuses(gateway.base(), follower,
                                parts[0], parts[1])
                        .subscribe(event -> {
                            events.incrementAndGet();
                            lastEventAt.put(repository, System.nanoTime());
                        }, failure -> System.err.println(name + ": a subscription failed: " + failure)));
            }
            try {
                // The subscriptions' access checks and the watchers' first polls are not the hours'.
                sleep(PortalHour.INTERVAL);
                List<Hour> hours = new ArrayList<>();
                for (int hour = 0; hour < PortalHour.HOURS; hour++) {
                    hours.add(hour(gateway, repositories, hour, lastEventAt, events));
                }
                return new Result(name, List.copyOf(hours));
            }
            finally {
                subscriptions.dispose();
            }
        }
    }

    /**
     * The {@code hour}-th hour: {@link PortalHour#runsPerHour} runs, evenly spread, each on the next repository of
     * {@code repositories}; each run's news delay is the time until its repository's subscriber next received an event.
     */
    private static Hour hour(BenchGateway gateway, List<String> repositories, int hour, Map<String, Long> lastEventAt,
            AtomicLong events) {
        Map<String, Long> before = gateway.charges().byCredential();
        long deliveriesBefore = gateway.charges().deliveries();
        long eventsBefore = events.get();
        int runs = PortalHour.runsPerHour(repositories.size());
        Duration spacing = PortalHour.HOUR.dividedBy(runs);
        long started = System.nanoTime();
        List<Double> news = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long due = started + spacing.multipliedBy(run).plus(spacing.dividedBy(2)).toNanos();
            sleep(Duration.ofNanos(Math.max(0, due - System.nanoTime())));
            String repository = repositories.get((hour * runs + run) % repositories.size());
            long at = System.nanoTime();
            gateway.startPipeline(repository, PortalHour.CI_CREDENTIAL).block();
            news.add(secondsUntilAnEvent(lastEventAt, repository, at, spacing));
        }
        sleep(Duration.ofNanos(Math.max(0, started + PortalHour.HOUR.toNanos() - System.nanoTime())));
        Map<String, Long> after = gateway.charges().byCredential();
        long calls = 0;
        long busiest = 0;
        for (int user = 0; user < PortalHour.USERS; user++) {
            String credential = "Bearer " + DashboardBenchmark.portalUser(user);
            long spent = after.getOrDefault(credential, 0L) - before.getOrDefault(credential, 0L);
            calls += spent;
            busiest = Math.max(busiest, spent);
        }
        return new Hour(calls, busiest, events.get() - eventsBefore, gateway.charges().deliveries() - deliveriesBefore,
                runs, news.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                news.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /**
     * Seconds from {@code since} until {@code repository}'s subscriber received an event, waiting at most
     * {@code patience} (which it then reports).
     */
    private static double secondsUntilAnEvent(Map<String, Long> lastEventAt, String repository, long since,
            Duration patience) {
        long deadline = since + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Long at = lastEventAt.get(repository);
            if (at != null && at > since) {
                return (at - since) / 1e9;
            }
            sleep(Duration.ofMillis(5));
        }
        return patience.toMillis() / 1e3;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    String row(Result result) {
        StringBuilder row = new StringBuilder("| ").append(name).append(" |");
        for (Hour hour : result.hours()) {
            row.append(String.format(Locale.ROOT, " %,d | %,d | %d (%d runs), %d | %.2f s, %.2f s |", hour.calls(),
                    hour.maxPerUser(), hour.events(), hour.runs(), hour.deliveries(), hour.meanNewsSeconds(),
                    hour.maxNewsSeconds()));
        }
        return row.append('\n').toString();
    }
}
