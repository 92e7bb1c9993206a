package io.pipelinesgateway.bench;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.pipelinesgateway.bench.BenchGateway.Viewer;
import io.pipelinesgateway.cache.ResponseCacheProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * A portal's hour, compressed: {@link #USERS} people each load the same dashboard every 5 minutes for an hour (12
 * views), their first views spread evenly over the first interval. Time runs {@link #COMPRESSION} times faster: the
 * interval and every cache lifetime of the gateway ({@code gateway.cache.*} durations but the two timeouts, read from
 * their defaults) are divided by it, so each view finds the cache as it would an hour's real view.
 *
 * @param name       which configuration, for the report
 * @param viewers    the viewer of each user, by index
 * @param charged    given a user's index, the credential the sandbox charges that user's views to
 */
record PortalHour(String name, IntFunction<Viewer> viewers, IntFunction<String> charged) {

    static final int USERS = 20;
    static final int VIEWS = 12;
    static final Duration REAL_INTERVAL = Duration.ofMinutes(5);
    static final int COMPRESSION = 30;
    static final Duration INTERVAL = REAL_INTERVAL.dividedBy(COMPRESSION);

    private static final List<String> NOT_LIFETIMES = List.of("storeTimeout", "lockTimeout");

    /** What one configuration's hour cost. */
    record Result(String name, UpstreamCalls calls, List<Long> callsPerUser, boolean oneCredential, long deliveries,
            int views, int failedViews, Duration elapsed) {

        long maxPerUser() {
            return callsPerUser.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        double meanPerUser() {
            return callsPerUser.stream().mapToLong(Long::longValue).average().orElse(0);
        }
    }

    /**
     * The arguments that compress the gateway's time: each cache lifetime of {@link ResponseCacheProperties}, at its
     * default, divided by {@link #COMPRESSION}.
     */
    static List<String> compressedLifetimes() {
        ResponseCacheProperties defaults = new Binder().bindOrCreate("gateway.cache", ResponseCacheProperties.class);
        List<String> arguments = new ArrayList<>();
        for (RecordComponent component : ResponseCacheProperties.class.getRecordComponents()) {
            if (component.getType() == Duration.class && !NOT_LIFETIMES.contains(component.getName())) {
                Duration lifetime = (Duration) invoke(component, defaults);
                arguments.add("--gateway.cache." + kebab(component.getName()) + "="
                        + Math.max(1, lifetime.dividedBy(COMPRESSION).toMillis()) + "ms");
            }
        }
        return arguments;
    }

    Result run(BenchGateway gateway, String dashboard) {
        UpstreamCalls before = gateway.upstream();
        Map<String, Long> chargedBefore = gateway.charges().byCredential();
        long deliveriesBefore = gateway.charges().deliveries();
        AtomicInteger views = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        Duration stagger = INTERVAL.dividedBy(USERS);
        Flux.range(0, USERS)
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
                .blockLast();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.err.printf(Locale.ROOT, "bench: %s: %d views in %d s%n", name, views.get(), elapsed.toSeconds());
        Map<String, Long> chargedAfter = gateway.charges().byCredential();
        List<Long> perUser = new ArrayList<>();
        Set<String> credentials = new HashSet<>();
        for (int user = 0; user < USERS; user++) {
            String credential = charged.apply(user);
            credentials.add(credential);
            perUser.add(chargedAfter.getOrDefault(credential, 0L) - chargedBefore.getOrDefault(credential, 0L));
        }
        return new Result(name, gateway.upstream().since(before), List.copyOf(perUser), credentials.size() == 1,
                gateway.charges().deliveries() - deliveriesBefore, views.get(), failed.get(), elapsed);
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
