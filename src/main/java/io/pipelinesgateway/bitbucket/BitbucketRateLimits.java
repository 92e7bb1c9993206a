package io.pipelinesgateway.bitbucket;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Keeps, per workspace, what Bitbucket last said of its own rate limit ({@code X-RateLimit-*}) and how many reads
 * the gateway answered without an upstream call: the figure that tells a platform team what the gateway saves them.
 * Not to be confused with the gateway's limit per client ({@code limits/}) or a request's budget of upstream calls
 * ({@link UpstreamBudget}).
 */
@Component
public class BitbucketRateLimits {

    /**
     * What is known of one workspace's rate limit and of the calls saved: {@code callsSaved} counts the reads answered
     * without an upstream call of their own. A read refused (its request's budget spent) or failed counts among the
     * {@code reads}, not among the calls saved, and among the {@code upstreamCalls} only for the calls it made.
     */
    public record Status(String workspace, Integer limit, String resource, Boolean nearLimit, OffsetDateTime reportedAt,
            long reads, long upstreamCalls, long callsSaved) {
    }

    private record Reported(Integer limit, String resource, Boolean nearLimit, OffsetDateTime at) {
    }

    private final class Counters {
        final AtomicLong reads = new AtomicLong();
        final AtomicLong upstreamCalls = new AtomicLong();
        final AtomicLong callsSaved = new AtomicLong();
        final Runnable saved = callsSaved::incrementAndGet;
        final AtomicReference<Reported> reported = new AtomicReference<>();

        Counters(String workspace) {
            Gauge.builder("gateway.upstream.ratelimit.limit", this,
                            counters -> counters.reported.get() == null || counters.reported.get().limit() == null
                                    ? Double.NaN : counters.reported.get().limit())
                    .description("The X-RateLimit-Limit Bitbucket last reported")
                    .tag("workspace", workspace)
                    .register(meterRegistry);
            Gauge.builder("gateway.upstream.ratelimit.near_limit", this,
                            counters -> counters.reported.get() == null || counters.reported.get().nearLimit() == null
                                    ? Double.NaN : counters.reported.get().nearLimit() ? 1 : 0)
                    .description("Whether Bitbucket last reported X-RateLimit-NearLimit: true (1) or false (0)")
                    .tag("workspace", workspace)
                    .register(meterRegistry);
            Gauge.builder("gateway.upstream.calls_saved", this, counters -> counters.callsSaved.get())
                    .description("Reads answered without an upstream call (cache or deduplication)")
                    .tag("workspace", workspace)
                    .register(meterRegistry);
        }
    }

    private final MeterRegistry meterRegistry;
    private final Map<String, Counters> workspaces = new ConcurrentHashMap<>();

    BitbucketRateLimits(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    void read(String workspace) {
        counters(workspace).reads.incrementAndGet();
    }

    /**
     * What to run when a read of {@code workspace} is answered without a call of its own (from the cache, or by
     * another's call): one per workspace, so that the many reads of a warm view count without allocating.
     */
    Runnable savedCalls(String workspace) {
        return counters(workspace).saved;
    }

    void upstreamCall(String workspace, HttpHeaders headers) {
        Counters counters = counters(workspace);
        counters.upstreamCalls.incrementAndGet();
        String limit = headers.getFirst("X-RateLimit-Limit");
        String resource = headers.getFirst("X-RateLimit-Resource");
        String nearLimit = headers.getFirst("X-RateLimit-NearLimit");
        if (limit != null || resource != null || nearLimit != null) {
            counters.reported.set(new Reported(parse(limit), resource,
                    nearLimit == null ? null : Boolean.parseBoolean(nearLimit.trim()), OffsetDateTime.now(ZoneOffset.UTC)));
        }
    }

    /** What is known of a workspace; counts are zero before the first read. */
    public Status status(String workspace) {
        Counters counters = workspaces.get(workspace);
        if (counters == null) {
            return new Status(workspace, null, null, null, null, 0, 0, 0);
        }
        Reported reported = counters.reported.get();
        return new Status(workspace, reported == null ? null : reported.limit(),
                reported == null ? null : reported.resource(), reported == null ? null : reported.nearLimit(),
                reported == null ? null : reported.at(), counters.reads.get(), counters.upstreamCalls.get(),
                counters.callsSaved.get());
    }

    private Counters counters(String workspace) {
        return workspaces.computeIfAbsent(workspace, Counters::new);
    }

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        }
        catch (NumberFormatException unreadable) {
            return null;
        }
    }
}
