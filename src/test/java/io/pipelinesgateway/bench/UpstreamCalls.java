package io.pipelinesgateway.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A reading of {@code gateway.upstream.requests} by resource and status ({@code "test_reports 404"}), so that the
 * benchmark says which calls a view still makes, not only how many.
 */
record UpstreamCalls(Map<String, Long> byResourceAndStatus) {

    UpstreamCalls {
        byResourceAndStatus = Map.copyOf(byResourceAndStatus);
    }

    static UpstreamCalls read(MeterRegistry meters) {
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : meters.find("gateway.upstream.requests").counters()) {
            counts.merge(counter.getId().getTag("resource") + " " + counter.getId().getTag("status"),
                    (long) counter.count(), Long::sum);
        }
        return new UpstreamCalls(counts);
    }

    /** The calls made since {@code before}. */
    UpstreamCalls since(UpstreamCalls before) {
        Map<String, Long> delta = new TreeMap<>();
        byResourceAndStatus.forEach((key, count) -> {
            long made = count - before.byResourceAndStatus.getOrDefault(key, 0L);
            if (made > 0) {
                delta.put(key, made);
            }
        });
        return new UpstreamCalls(delta);
    }

    /** Whether any of these calls read one of {@code resources} (the {@code resource} tag), whatever its status. */
    boolean madeAny(Set<String> resources) {
        return byResourceAndStatus.keySet().stream().anyMatch(key -> resources.contains(key.split(" ", 2)[0]));
    }

    long total() {
        return byResourceAndStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Per view, when these are the calls of {@code views} views: {@code "`pipelines 200` 1.5, `steps 200` 0.2"}. */
    String perView(int views) {
        if (byResourceAndStatus.isEmpty()) {
            return "none";
        }
        return new TreeMap<>(byResourceAndStatus).entrySet().stream()
                .map(entry -> "`" + entry.getKey() + "` "
                        + DashboardBenchmark.decimal(entry.getValue() / (double) views))
                .collect(Collectors.joining(", "));
    }
}
