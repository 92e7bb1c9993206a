package io.pipelinesgateway.bench;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import io.pipelinesgateway.bench.BenchGateway.Viewer;
import io.pipelinesgateway.cache.ResponseCacheProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;

/**
 * A portal's hours, compressed: {@link #USERS} people each load the same dashboard every 5 minutes for {@link #HOURS}
 * consecutive hours on the same gateway (12 views an hour), their first views spread evenly over the first interval.
 * The first hour is cold: it includes the dashboard's distinct calls, which no cache can avoid; the second is the
 * steady state, what a portal that runs all day pays each hour. An hour begins once the last one's views are all
 * answered (a cold hour may take longer), so each hour counts its own views' calls. Time runs
 * {@link #COMPRESSION} times faster: the interval and every cache lifetime of the gateway ({@code gateway.cache.*}
 * durations but the two timeouts, read from their defaults) are divided by it, so each view finds the cache as it
 * would an hour's real view. The sandbox's time is compressed alike (its step length divided by the same factor), and
 * its repositories go on as the load seed's history does: each runs a pipeline every {@link #RUN_CADENCE}, so
 * {@link #runsPerHour} new runs are started through the sandbox's API in each hour, evenly spread, by a credential
 * that is none of the users' (a commit pushed to the repository starts it on Bitbucket).
 *
 * @param name       which configuration, for the report
 * @param viewers    the viewer of each user, by index
 * @param charged    given a user's index, the credential the sandbox charges that user's views to
 */
record PortalHour(String name, IntFunction<Viewer> viewers, IntFunction<String> charged) {

    static final int USERS = 20;
    static final int VIEWS = 12;
    static final int HOURS = 2;
    static final Duration REAL_INTERVAL = Duration.ofMinutes(5);
    static final int COMPRESSION = 30;
    static final Duration INTERVAL = REAL_INTERVAL.dividedBy(COMPRESSION);
    static final Duration HOUR = INTERVAL.multipliedBy(VIEWS);

    /** How often each repository runs a pipeline: the load seed's pipelines were created 3 hours apart. */
    static final Duration RUN_CADENCE = Duration.ofHours(3);
    /** The credential the new runs are started with, charged to none of the users. */
    static final String CI_CREDENTIAL = "Bearer portal-ci";

    private static final List<String> NOT_LIFETIMES = List.of("storeTimeout", "lockTimeout");

    /** What one configuration's hours cost, the first (cold) and the next (steady). */
    record Result(String name, boolean oneCredential, List<Hour> hours, Duration elapsed) {

        Hour cold() {
            return hours.get(0);
        }

        Hour steady() {
            return hours.get(hours.size() - 1);
        }
    }

    /** What one hour cost: its upstream calls, each user's, the deliveries received, its views. */
    record Hour(UpstreamCalls calls, List<Long> callsPerUser, long deliveries, int views, int failedViews) {

        long maxPerUser() {
            return callsPerUser.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        double meanPerUser() {
            return callsPerUser.stream().mapToLong(Long::longValue).average().orElse(0);
        }
    }

    /** The counters read at an hour's boundary. */
    private record Reading(UpstreamCalls upstream, Map<String, Long> charged, long deliveries) {

        static Reading of(BenchGateway gateway) {
            return new Reading(gateway.upstream(), gateway.charges().byCredential(), gateway.charges().deliveries());
        }
    }

    /**
     * Cache lifetimes other than the defaults, in real time, from {@code name=duration} pairs separated by commas
     * ({@code shared-access-window=30m,live-stable-max=5m}); refused if a name is not one of the lifetimes.
     */
    static Map<String, String> lifetimes(String settings) {
        List<String> names = lifetimeComponents().stream().map(component -> kebab(component.getName())).toList();
        Map<String, String> lifetimes = new LinkedHashMap<>();
        for (String setting : settings.split(",")) {
            if (setting.isBlank()) {
                continue;
            }
            String[] nameAndValue = setting.trim().split("=", 2);
            if (nameAndValue.length != 2 || !names.contains(nameAndValue[0])) {
                throw new IllegalArgumentException("not a cache lifetime setting: " + setting + "; the lifetimes: "
                        + String.join(", ", names));
            }
            DurationStyle.detectAndParse(nameAndValue[1]);
            lifetimes.put(nameAndValue[0], nameAndValue[1]);
        }
        return lifetimes;
    }

    /**
     * The arguments that compress the gateway's time: each cache lifetime of {@link ResponseCacheProperties}, at its
     * default or as {@code lifetimes} sets it ({@link #lifetimes}), divided by {@link #COMPRESSION}.
     */
    static List<String> compressedLifetimes(Map<String, String> lifetimes) {
        ResponseCacheProperties defaults = new Binder().bindOrCreate("gateway.cache", ResponseCacheProperties.class);
        List<String> arguments = new ArrayList<>();
        for (RecordComponent component : lifetimeComponents()) {
            String name = kebab(component.getName());
            Duration lifetime = lifetimes.containsKey(name) ? DurationStyle.detectAndParse(lifetimes.get(name))
                    : (Duration) invoke(component, defaults);
            arguments.add("--gateway.cache." + name + "=" + Math.max(1, lifetime.dividedBy(COMPRESSION).toMillis())
                    + "ms");
        }
        return arguments;
    }

    /**
     * How long each step of a run takes on the portal's sandbox, before compression: a CI step's minute or two, so a
     * run of the seed's recipes (two to four steps) lasts three to six minutes, as real runs do, and is followed, read
     * and shown running for as long. The sandbox's default (3 s a step, for demos) makes runs of seconds.
     */
    static final Duration STEP = Duration.ofSeconds(90);

    /** The argument that compresses the sandbox's time: its step length, {@link #STEP}, divided by the same factor. */
    static String compressedSandboxTime() {
        return "--gateway.sandbox.step-seconds=" + STEP.toMillis() / 1000.0 / COMPRESSION;
    }

    /** How many of {@code repositories} start a run in an hour, each once every {@link #RUN_CADENCE}. */
    static int runsPerHour(int repositories) {
        return (int) (repositories * Duration.ofHours(1).toMillis() / RUN_CADENCE.toMillis());
    }

    private static List<RecordComponent> lifetimeComponents() {
        return Stream.of(ResponseCacheProperties.class.getRecordComponents())
                .filter(component -> component.getType() == Duration.class
                        && !NOT_LIFETIMES.contains(component.getName()))
                .toList();
    }

    /**
     * Runs the hours of {@code dashboard}'s views while {@code repositories} ({@code workspace/slug}) start runs, the
     * next repository of the list each time, so that no repository runs twice before each has run once.
     */
    Result run(BenchGateway gateway, String dashboard, List<String> repositories) {
        Set<String> credentials = new HashSet<>();
        for (int user = 0; user < USERS; user++) {
            credentials.add(charged.apply(user));
        }
        long started = System.nanoTime();
        List<Hour> hours = new ArrayList<>();
        Reading before = Reading.of(gateway);
        for (int hour = 0; hour < HOURS; hour++) {
            // An hour begins when it is due, or once the last one's views are all answered, if that is later (a
            // cold hour can take longer than the hour): each hour's calls are then its own views' calls.
            long due = Math.max(System.nanoTime(), started + HOUR.multipliedBy(hour).toNanos());
            AtomicInteger views = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Mono.when(views(gateway, dashboard, due, views, failed), runs(gateway, repositories, due, hour)).block();
            Reading after = Reading.of(gateway);
            hours.add(hour(before, after, views.get(), failed.get()));
            before = after;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.err.printf(Locale.ROOT, "bench: %s: %d hours in %d s%n", name, HOURS, elapsed.toSeconds());
        return new Result(name, credentials.size() == 1, List.copyOf(hours), elapsed);
    }

    /** One hour of views from {@code started}: each user's, every interval, until all are answered. */
    private Mono<Void> views(BenchGateway gateway, String dashboard, long started, AtomicInteger views,
            AtomicInteger failed) {
        Duration stagger = INTERVAL.dividedBy(USERS);
        return Flux.range(0, USERS)
                .flatMap(user -> Flux.range(0, VIEWS).concatMap(view -> {
                    long due = started + stagger.multipliedBy(user).plus(INTERVAL.multipliedBy(view)).toNanos();
                    return Mono.delay(Duration.ofNanos(Math.max(0, due - System.nanoTime())))
                            .then(gateway.query(viewers.apply(user), dashboard))
                            .doOnNext(data -> views.incrementAndGet())
                            .onErrorResume(error -> {
                                if (failed.getAndIncrement() == 0) {
                                    System.err.println(name + ": a view failed: " + error.getMessage());
                                }
                                return Mono.empty();
                            });
                }), USERS)
                .then();
    }

    /**
     * The runs started in the {@code hour}-th hour from {@code started}: {@link #runsPerHour} of them, the first half a
     * spacing in; a run that cannot be started fails the benchmark.
     */
    private static Mono<Void> runs(BenchGateway gateway, List<String> repositories, long started, int hour) {
        int runs = runsPerHour(repositories.size());
        if (runs == 0) {
            return Mono.empty();
        }
        Duration spacing = HOUR.dividedBy(runs);
        return Flux.range(0, runs).concatMap(run -> {
            long due = started + spacing.multipliedBy(run).plus(spacing.dividedBy(2)).toNanos();
            String repository = repositories.get((hour * runs + run) % repositories.size());
            return Mono.delay(Duration.ofNanos(Math.max(0, due - System.nanoTime())))
                    .then(gateway.startPipeline(repository, CI_CREDENTIAL));
        }).then();
    }

    private Hour hour(Reading before, Reading after, int views, int failed) {
        List<Long> perUser = new ArrayList<>();
        for (int user = 0; user < USERS; user++) {
            String credential = charged.apply(user);
            perUser.add(after.charged().getOrDefault(credential, 0L) - before.charged().getOrDefault(credential, 0L));
        }
        return new Hour(after.upstream().since(before.upstream()), List.copyOf(perUser),
                after.deliveries() - before.deliveries(), views, failed);
    }

    private static Object invoke(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        }
        catch (ReflectiveOperationException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
