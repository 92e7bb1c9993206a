package io.pipelinesgateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pipelinesgateway.PipelinesGatewayApplication;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The dashboard benchmark: the gateway on the sandbox with 50 ms of upstream latency, asked for 3 workspaces × 10
 * repositories × the last 10 pipelines with their steps and test report summaries; beside it, in the same run, the
 * same dashboard fetched as a REST client does it (one call per resource). Run with {@code ./mvnw -B verify -Pbench};
 * the report is printed and written to {@code target/bench/dashboard.md}. It measures; it asserts nothing about time.
 */
class DashboardBenchmark {

    static final String DASHBOARD = """
            { workspaces(first: 3) { nodes { slug
                repositories(first: 10) { nodes { slug
                  pipelines(first: 10) { nodes { buildNumber status
                    steps { name status testReport { total failed } } } } } } } } }
            """;

    private static final int COLD_RUNS = 8;
    private static final int WARM_RUNS = 200;
    private static final int CONCURRENCY = 8;
    private static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(15);
    private static final int BROWSER_CONNECTIONS = 6;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void dashboard() {
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(PipelinesGatewayApplication.class)
                .profiles("sandbox")
                // Arguments, not default properties: those would lose to application-sandbox.yml's latency of 0.
                // Three generated workspaces of ten repositories, configured as a platform team would.
                .run("--server.port=0", "--gateway.sandbox.latency-ms=50", "--gateway.sandbox.load-workspaces=3",
                        "--gateway.sandbox.load-repositories-per-workspace=10", "--gateway.workspaces[0].slug=load-1",
                        "--gateway.workspaces[1].slug=load-2", "--gateway.workspaces[2].slug=load-3",
                        "--logging.level.root=WARN");
        try {
            int port = Integer.parseInt(gateway.getEnvironment().getRequiredProperty("local.server.port"));
            MeterRegistry meters = gateway.getBean(MeterRegistry.class);
            WebClient http = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build();
            String report = run(http, "http://127.0.0.1:" + port, meters);
            System.out.println(report);
            Path out = Path.of("target", "bench", "dashboard.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        finally {
            gateway.close();
        }
    }

    private String run(WebClient http, String base, MeterRegistry meters) {
        // Warm the JIT and connections on another credential, so the cold runs measure the cache, not the JVM.
        for (int i = 0; i < 3; i++) {
            query(http, "Bearer bench-jit-" + i);
        }
        Samples cold = new Samples();
        long coldCalls = 0;
        int pipelines = 0;
        for (int i = 0; i < COLD_RUNS; i++) {
            // A credential never seen before: the cache holds nothing for it, so this is a cold dashboard.
            long before = upstreamCalls(meters);
            long started = System.nanoTime();
            JsonNode data = query(http, "Bearer bench-cold-" + i);
            cold.add(System.nanoTime() - started);
            coldCalls += upstreamCalls(meters) - before;
            pipelines = count(data);
        }

        String warmCredential = "Bearer bench-cold-0";
        Samples warm = new Samples();
        long warmCallsBefore = upstreamCalls(meters);
        Map<String, Long> warmByResourceBefore = upstreamCallsByResource(meters);
        for (int i = 0; i < WARM_RUNS; i++) {
            long started = System.nanoTime();
            query(http, warmCredential);
            warm.add(System.nanoTime() - started);
        }
        long warmCalls = upstreamCalls(meters) - warmCallsBefore;
        Map<String, Long> warmByResource = difference(upstreamCallsByResource(meters), warmByResourceBefore);

        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + THROUGHPUT_WINDOW.toNanos();
        long throughputStarted = System.nanoTime();
        Flux.range(0, CONCURRENCY)
                .flatMap(worker -> Mono.defer(() -> queryAsync(http, warmCredential))
                        .doOnNext(ignored -> done.incrementAndGet())
                        .repeat(() -> System.nanoTime() < deadline), CONCURRENCY)
                .blockLast();
        double throughput = done.get() / ((System.nanoTime() - throughputStarted) / 1e9);

        Samples rest = new Samples();
        long restCalls = 0;
        for (int i = 0; i < 3; i++) {
            AtomicLong calls = new AtomicLong();
            long started = System.nanoTime();
            new RestDashboard(http, base, json, BROWSER_CONNECTIONS, calls).fetch();
            rest.add(System.nanoTime() - started);
            restCalls = calls.get();
        }

        double coldCallsPerQuery = coldCalls / (double) COLD_RUNS;
        double warmCallsPerQuery = warmCalls / (double) WARM_RUNS;
        StringBuilder out = new StringBuilder();
        out.append("# Dashboard benchmark\n\n")
                .append("Command: `./mvnw -B verify -Pbench` (sandbox, 50 ms upstream latency, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores). Dashboard: 3 workspaces × 10 ")
                .append("repositories × the last 10 pipelines with steps and test report summaries (")
                .append(pipelines).append(" pipelines).\n\n")
                .append("| | upstream calls per dashboard | p50 | p99 |\n|---|---:|---:|---:|\n")
                .append(row("REST client (one call per resource, " + BROWSER_CONNECTIONS + " connections)",
                        restCalls, rest))
                .append(row("gateway, cold (new credential, " + COLD_RUNS + " runs)", coldCallsPerQuery, cold))
                .append(row("gateway, warm (" + WARM_RUNS + " runs)", warmCallsPerQuery, warm))
                .append("\nWarm throughput at concurrency ").append(CONCURRENCY).append(": ")
                .append(String.format(Locale.ROOT, "%.1f", throughput)).append(" dashboards/s.\n\n")
                .append("Warm upstream calls by resource (all runs): ").append(warmByResource).append("\n\n")
                .append("Ratios (same run): upstream calls cold / REST = ")
                .append(ratio(coldCallsPerQuery, restCalls)).append("; warm / REST = ")
                .append(ratio(warmCallsPerQuery, restCalls)).append("; p50 latency cold / REST = ")
                .append(ratio(cold.percentile(50), rest.percentile(50))).append("; warm / REST = ")
                .append(ratio(warm.percentile(50), rest.percentile(50))).append(".\n");
        return out.toString();
    }

    private JsonNode query(WebClient http, String authorization) {
        return queryAsync(http, authorization).block();
    }

    private Mono<JsonNode> queryAsync(WebClient http, String authorization) {
        return http.post().uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", DASHBOARD))
                .retrieve()
                .bodyToMono(byte[].class)
                .map(body -> {
                    JsonNode response = json.readTree(body);
                    if (response.has("errors")) {
                        throw new IllegalStateException("The dashboard query failed: " + response.get("errors"));
                    }
                    return response.get("data");
                });
    }

    private static int count(JsonNode data) {
        int pipelines = 0;
        for (JsonNode workspace : data.path("workspaces").path("nodes")) {
            for (JsonNode repository : workspace.path("repositories").path("nodes")) {
                pipelines += repository.path("pipelines").path("nodes").size();
            }
        }
        return pipelines;
    }

    private static long upstreamCalls(MeterRegistry meters) {
        return (long) meters.find("gateway.upstream.requests").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static Map<String, Long> upstreamCallsByResource(MeterRegistry meters) {
        Map<String, Long> byResource = new java.util.TreeMap<>();
        meters.find("gateway.upstream.requests").counters().forEach(counter -> byResource.merge(
                counter.getId().getTag("resource"), (long) counter.count(), Long::sum));
        return byResource;
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new java.util.TreeMap<>();
        after.forEach((resource, count) -> {
            long delta = count - before.getOrDefault(resource, 0L);
            if (delta > 0) {
                difference.put(resource, delta);
            }
        });
        return difference;
    }

    private static String row(String what, double calls, Samples samples) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f ms | %.1f ms |%n", what, calls,
                samples.percentile(50) / 1e6, samples.percentile(99) / 1e6);
    }

    private static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.3f", a / b);
    }

    /** Latency samples in nanoseconds. */
    static final class Samples {
        private final List<Long> values = new ArrayList<>();

        void add(long nanos) {
            values.add(nanos);
        }

        double percentile(int percentile) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    /**
     * The dashboard as a REST client builds it: each workspace, its repositories, each one's last pipelines, each
     * one's steps, each step's test report: one call per resource, level by level, with as many calls in flight as
     * a browser opens connections to one host.
     */
    record RestDashboard(WebClient http, String base, JsonMapper json, int connections, AtomicLong calls) {

        void fetch() {
            List<String> workspaces = level(Flux.just("load-1", "load-2", "load-3"),
                    workspace -> get("/sandbox/2.0/workspaces/" + workspace).thenReturn(workspace));
            List<String> repositories = level(Flux.fromIterable(workspaces), workspace -> get(
                    "/sandbox/2.0/repositories/" + workspace + "?pagelen=10&sort=name")
                    .flatMapMany(page -> Flux.fromIterable(values(page)))
                    .map(repository -> repository.path("full_name").asString()));
            List<String> pipelines = level(Flux.fromIterable(repositories), repository -> get(
                    "/sandbox/2.0/repositories/" + repository + "/pipelines/?pagelen=10&sort=-created_on")
                    .flatMapMany(page -> Flux.fromIterable(values(page)))
                    .map(pipeline -> "/sandbox/2.0/repositories/" + repository + "/pipelines/"
                            + pipeline.path("uuid").asString()));
            List<String> steps = level(Flux.fromIterable(pipelines), pipeline -> get(pipeline + "/steps/?pagelen=100")
                    .flatMapMany(page -> Flux.fromIterable(values(page)))
                    .map(step -> pipeline + "/steps/" + step.path("uuid").asString()));
            level(Flux.fromIterable(steps), step -> get(step + "/test_reports").onErrorResume(notFound -> Mono.empty()));
        }

        /** One level of the page: every call of it, at most {@code connections} at once, as a browser makes them. */
        private <T, R> List<R> level(Flux<T> parents, java.util.function.Function<T, org.reactivestreams.Publisher<R>> call) {
            return parents.flatMap(call, connections).collectList().block();
        }

        private Mono<JsonNode> get(String path) {
            calls.incrementAndGet();
            return http.get().uri(java.net.URI.create(url(path)))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer bench-rest")
                    .retrieve()
                    .bodyToMono(byte[].class)
                    .map(json::readTree);
        }

        /** Bitbucket's braced UUIDs are sent percent-encoded, as any HTTP client must. */
        private String url(String path) {
            return base + path.replace("{", "%7B").replace("}", "%7D");
        }

        private static List<JsonNode> values(JsonNode page) {
            List<JsonNode> values = new ArrayList<>();
            page.path("values").forEach(values::add);
            return values;
        }
    }

}
