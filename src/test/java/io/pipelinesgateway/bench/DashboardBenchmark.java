package io.pipelinesgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.pipelinesgateway.bench.BenchGateway.Viewer;
import io.pipelinesgateway.support.TestRedis;
import io.pipelinesgateway.support.TestSecrets;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The dashboard benchmark, every figure of issue 12's goals side by side in one run, each gateway on the sandbox with
 * 50 ms of upstream latency: the README's dashboard on the default seed, warm; a dashboard of 3 workspaces × 10
 * repositories × the last 10 pipelines with their steps and test report summaries, cold, for one more viewer and
 * warm, beside the same dashboard fetched as a REST client does it; a small query's throughput beside
 * {@code { __typename }}'s; a portal's hour of 20 users in three configurations; and the hours of a portal whose
 * pages follow every repository's status live, as the watcher polled before and after it rested where webhooks
 * announce changes. Run with {@code ./mvnw -B verify -Pbench}; the report is printed and written to
 * {@code target/bench/dashboard.md}. It measures; it asserts nothing about time. {@code -Dbench.only=readme},
 * {@code load}, {@code portal} or {@code followed} (or a list of them, comma-separated) runs only those parts.
 * {@code -Dbench.portal-runs=a,b} runs only those of the portal's configurations, and
 * {@code -Dbench.portal-lifetimes=shared-access-window=30m,...} gives the portal's gateways other cache lifetimes than
 * the defaults, in real time (compressed like the rest): what another setting costs or saves.
 */
class DashboardBenchmark {

    /** The portal hours run with the sandbox's webhooks, signed with this secret. */
    private static final String WEBHOOK_SECRET = "--gateway.webhooks.secret=bench-webhook-secret";
    /** The load workspaces' webhooks are installed on each workspace, as the sandbox sends for all its repositories. */
    private static final String WORKSPACE_WEBHOOKS = "--gateway.webhooks.workspaces=load-1,load-2,load-3";

    /**
     * The load workspaces' repositories ({@code workspace/slug}), the workspaces taking turns: the order in which the
     * portal hours start new runs.
     */
    private static final List<String> LOAD_REPOSITORIES = IntStream.rangeClosed(1, 10).boxed()
            .flatMap(repository -> IntStream.rangeClosed(1, 3)
                    .mapToObj(workspace -> "load-%d/service-%02d".formatted(workspace, repository)))
            .toList();

    static final String DASHBOARD = """
            { workspaces(first: 3) { nodes { slug
                repositories(first: 10) { nodes { slug
                  pipelines(first: 10) { nodes { buildNumber status
                    steps { name status testReport { total failed } } } } } } } } }
            """;

    /**
     * The levels of a dashboard's upstream calls, each waiting for the one before: the fields whose values take a call
     * made with their parent's answer (or, for {@code testCases}, after their step's test report, which may rule the
     * call out), by the resources their calls read ({@code gateway.upstream.requests}'s tag); a step's log is read
     * beside its report. A level counts only when a cold view made a call of it: a field the gateway answers without
     * one (configured workspaces) adds no latency.
     */
    static final Map<String, Set<String>> LEVELS = levels(
            Map.entry("workspaces", Set.of("workspace_memberships", "workspace")),
            Map.entry("repositories", Set.of("repositories", "repository")),
            Map.entry("pipelines", Set.of("pipelines")),
            Map.entry("steps", Set.of("steps")),
            Map.entry("testReport", Set.of("test_report", "step_log")),
            Map.entry("testCases", Set.of("test_cases")),
            Map.entry("reasons", Set.of("test_case_reasons")));

    /** The small warm query of the throughput row: one repository's last 5 pipelines. */
    static final String SMALL = """
            { repository(workspace: "load-1", slug: "service-01") {
                pipelines(first: 5) { nodes { buildNumber status } } } }
            """;

    /** The floor of the throughput row: a query that takes no data fetcher at all. */
    static final String FLOOR = "{ __typename }";

    /** Three generated workspaces of ten repositories each, configured as a platform team would. */
    private static final List<String> LOAD = List.of("--gateway.sandbox.load-workspaces=3",
            "--gateway.sandbox.load-repositories-per-workspace=10", "--gateway.workspaces[0].slug=load-1",
            "--gateway.workspaces[1].slug=load-2", "--gateway.workspaces[2].slug=load-3");

    private static final String WORKSPACE_TOKEN = "bench-workspace-token";
    private static final int README_WARM_RUNS = 50;
    /** Views of the bench dashboard (and four times as many of the README's) that warm the JIT, the cache off. */
    private static final int JIT_WARM_UP_VIEWS = 5;
    private static final String NO_CACHE = "--gateway.cache.enabled=false";
    private static final int MORE_VIEWERS = 4;
    /**
     * Fresh gateways whose first view's latency is measured, the part's own and others started for it alone, of which
     * the median is reported: one gateway's first view moved by a fifth from one run to the next.
     */
    private static final int FRESH_GATEWAYS = 5;
    /** New credentials' first views on a running gateway, of which the median is reported. */
    private static final int RUNNING_COLD_VIEWS = 5;
    /**
     * The upstream calls a running gateway has served, in other credentials' first views, before its cold views are
     * measured: about 150 of the README's cold views. After 10 of them, a third of the process's CPU during the next
     * cold views was still the JIT compiling their paths (an async-profiler profile); after 150, a tenth, and each view
     * took half the CPU.
     */
    private static final int RUNNING_WARM_UP_CALLS = 22_000;
    private static final int WARM_RUNS = 100;
    private static final int THROUGHPUT_CONNECTIONS = 32;
    /** Each query's measured time, in {@link #THROUGHPUT_ROUNDS} windows, alternating with the other's. */
    private static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(10);
    private static final int THROUGHPUT_ROUNDS = 2;
    /** Both queries in turn before any is measured, each for this long, twice: the JIT's compilation of both. */
    private static final Duration THROUGHPUT_WARM_UP = Duration.ofSeconds(8);
    private static final int REST_RUNS = 1;
    private static final int BROWSER_CONNECTIONS = 6;
    /** {@code -Dbench.only=readme,load,portal,followed}: the parts to run, all of them when not set. */
    private static final List<String> PARTS = List.of(System.getProperty("bench.only",
            "readme,load,portal,followed").split(","));
    /** {@code -Dbench.portal-runs=a,b,c}: the portal's configurations to run, all of them when not set. */
    private static final List<String> PORTAL_RUNS = List.of(System.getProperty("bench.portal-runs", "a,b,c")
            .split(","));

    @Test
    void dashboard() throws IOException {
        long started = System.nanoTime();
        StringBuilder report = new StringBuilder("# Dashboard benchmark\n\n")
                .append("Command: `./mvnw -B verify -Pbench`; every gateway on its sandbox with ")
                .append(BenchGateway.LATENCY_MS).append(" ms of upstream latency, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, each configuration in its own ")
                .append("gateway (a fresh cache). Upstream calls are `gateway.upstream.requests`, split by its tags ")
                .append("`resource` and `status`.\n\n");
        if (PARTS.contains("readme") || PARTS.contains("load")) {
            warmUpTheJit();
            progress("JIT warm-up (throwaway gateways' views)", started);
        }
        if (PARTS.contains("readme")) {
            try (BenchGateway gateway = BenchGateway.start()) {
                readme(gateway, report);
            }
            progress("README dashboard", started);
        }
        if (PARTS.contains("load")) {
            try (BenchGateway gateway = BenchGateway.start(LOAD.toArray(String[]::new))) {
                load(gateway, report);
            }
            progress("bench dashboard", started);
        }
        if (PARTS.contains("portal")) {
            portal(report);
            progress("portal hour", started);
        }
        if (PARTS.contains("followed")) {
            followed(report);
            progress("followed hour", started);
        }
        report.append(String.format(Locale.ROOT, "%nWhole run: %.1f min.%n",
                (System.nanoTime() - started) / 60e9));
        System.out.println(report);
        Path out = Path.of("target", "bench", "dashboard.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * A gateway that has served users has compiled its hot paths. Throwaway gateways serve views first: with the cache
     * off, so that every view makes every upstream call as a cold one does, and then a cold view each with the cache
     * on. The cold views measured after this then measure a cold cache, not a JVM still compiling.
     */
    private static void warmUpTheJit() throws IOException {
        Viewer viewer = Viewer.bearer("bench-jit-warm-up");
        String readme = readmeDashboard();
        List<String> uncachedLoad = new ArrayList<>(LOAD);
        uncachedLoad.add(NO_CACHE);
        try (BenchGateway throwaway = BenchGateway.start(uncachedLoad.toArray(String[]::new))) {
            for (int i = 0; i < JIT_WARM_UP_VIEWS; i++) {
                throwaway.await(viewer, DASHBOARD);
            }
        }
        try (BenchGateway throwaway = BenchGateway.start(NO_CACHE)) {
            for (int i = 0; i < 4 * JIT_WARM_UP_VIEWS; i++) {
                throwaway.await(viewer, readme);
            }
        }
        try (BenchGateway throwaway = BenchGateway.start(LOAD.toArray(String[]::new))) {
            throwaway.await(viewer, DASHBOARD);
        }
        try (BenchGateway throwaway = BenchGateway.start()) {
            throwaway.await(viewer, readme);
        }
    }

    /** A line on stderr as each part ends, so a long run shows where it is. */
    private static void progress(String part, long started) {
        System.err.printf(Locale.ROOT, "bench: %s measured after %.0f s%n", part, (System.nanoTime() - started) / 1e9);
    }

    /** The README's dashboard on the default seed (acme, globex): cold, one more viewer, warm. */
    private void readme(BenchGateway gateway, StringBuilder report) throws IOException {
        String query = readmeDashboard();
        Viewer viewer = Viewer.bearer("bench-readme");
        UpstreamCalls before = gateway.upstream();
        long coldStarted = System.nanoTime();
        gateway.await(viewer, query);
        long coldNanos = System.nanoTime() - coldStarted;
        UpstreamCalls cold = gateway.upstream().since(before);
        // Right after the first: a viewer of the same dashboard a moment later, while its listings are fresh. The
        // fresh gateways below take longer than a listing is kept on a slow machine, and a viewer after them pays for
        // the listings anew, as the first would.
        UpstreamCalls ahead = gateway.upstream();
        long anotherNanos = Samples.time(() -> gateway.await(Viewer.bearer("bench-readme-another"), query));
        UpstreamCalls another = gateway.upstream().since(ahead);
        // More views warm the JIT on the warm path before it is measured. The warm views come before the fresh
        // gateways too: on a fast machine those end about when the listings read by the cold view are due again
        // (gateway.cache.list, 15 s), and the warm views' calls then said when rather than what they read.
        for (int i = 0; i < 10; i++) {
            gateway.await(viewer, query);
        }
        UpstreamCalls warmBefore = gateway.upstream();
        Samples warm = Samples.of(README_WARM_RUNS, () -> gateway.await(viewer, query));
        UpstreamCalls calls = gateway.upstream().since(warmBefore);
        FreshViews fresh = firstViewsOfFreshGateways(query, List.of(), coldNanos, cold);
        ColdViews running = coldOnARunningGateway(query, List.of());
        List<String> levels = levelsCalled(cold);
        long criticalPathMs = levels.size() * BenchGateway.LATENCY_MS;
        report.append("## The README's dashboard (default seed, acme and globex)\n\n")
                .append("Critical path: ").append(levels.size()).append(" levels × ").append(BenchGateway.LATENCY_MS)
                .append(" ms = ").append(criticalPathMs).append(" ms (").append(String.join(", ", levels))
                .append(", the levels its cold view made calls at).\n\n")
                .append("| | figure | goal |\n|---|---:|---:|\n")
                .append(fresh.rows(criticalPathMs, "the distinct calls"))
                .append(running.row(criticalPathMs))
                .append("| one more viewer (new credential): calls, % of the first's, latency | ")
                .append(whole(another.total())).append(" calls, ")
                .append(decimal(100.0 * another.total() / cold.total())).append(" %, ").append(millis(anotherNanos))
                .append(" | <= 5 % |\n")
                .append("| warm: upstream calls per view (").append(README_WARM_RUNS).append(" views) | ")
                .append(decimal(calls.total() / (double) README_WARM_RUNS)).append(" | 0 for completed data |\n")
                .append("| warm p50 / p99 | ").append(millis(warm.percentile(50))).append(" / ")
                .append(millis(warm.percentile(99))).append(" | p50 < 25 ms |\n\n")
                .append("Cold calls by resource and status: ").append(cold.perView(1)).append(".\n\n")
                .append("One more viewer's calls by resource and status: ").append(another.perView(1)).append(".\n\n")
                .append("Warm calls per view by resource and status: ").append(calls.perView(README_WARM_RUNS))
                .append(".\n\n");
    }

    /** The bench dashboard over 3 workspaces × 10 repositories: cold, one more viewer, warm, throughput, REST. */
    private void load(BenchGateway gateway, StringBuilder report) {
        Viewer first = Viewer.bearer("bench-viewer-0");
        UpstreamCalls before = gateway.upstream();
        long coldStarted = System.nanoTime();
        JsonNode data = gateway.await(first, DASHBOARD);
        long coldNanos = System.nanoTime() - coldStarted;
        UpstreamCalls cold = gateway.upstream().since(before);

        // Right after the first, as the README's (the fresh gateways take longer than a listing is kept).
        Samples moreLatency = new Samples();
        long moreCalls = 0;
        for (int i = 1; i <= MORE_VIEWERS; i++) {
            Viewer another = Viewer.bearer("bench-viewer-" + i);
            UpstreamCalls ahead = gateway.upstream();
            moreLatency.add(Samples.time(() -> gateway.await(another, DASHBOARD)));
            moreCalls += gateway.upstream().since(ahead).total();
        }
        double moreCallsPerViewer = moreCalls / (double) MORE_VIEWERS;

        // Before the fresh gateways, as the README's: after them its listings would be due again (15 s).
        UpstreamCalls warmBefore = gateway.upstream();
        Samples warm = Samples.of(WARM_RUNS, () -> gateway.await(first, DASHBOARD));
        UpstreamCalls warmCalls = gateway.upstream().since(warmBefore);
        FreshViews fresh = firstViewsOfFreshGateways(DASHBOARD, LOAD, coldNanos, cold);

        List<Throughput> throughputs = throughputs(gateway, first, SMALL, FLOOR);
        Throughput small = throughputs.get(0);
        Throughput floor = throughputs.get(1);

        Samples rest = new Samples();
        long restCalls = 0;
        for (int i = 0; i < REST_RUNS; i++) {
            AtomicLong calls = new AtomicLong();
            rest.add(Samples.time(() -> new RestDashboard(gateway.http(), gateway.base(), gateway.json(),
                    BROWSER_CONNECTIONS, calls).fetch()));
            restCalls = calls.get();
        }

        ColdViews running = coldOnARunningGateway(DASHBOARD, LOAD);
        List<String> withRedis = new ArrayList<>(LOAD);
        withRedis.add("--spring.data.redis.url=" + TestRedis.url());
        ColdViews runningWithRedis = coldOnARunningGateway(DASHBOARD, withRedis);
        List<String> levels = levelsCalled(cold);
        long criticalPathMs = levels.size() * BenchGateway.LATENCY_MS;
        report.append("## The bench dashboard: 3 workspaces × 10 repositories × the last 10 pipelines (")
                .append(count(data)).append(" pipelines), steps and test report summaries\n\n")
                .append("Critical path: ").append(levels.size()).append(" levels × ").append(BenchGateway.LATENCY_MS)
                .append(" ms = ").append(criticalPathMs).append(" ms (").append(String.join(", ", levels))
                .append("). A level is a field of the query whose value takes an upstream call made with its ")
                .append("parent's answer, or after its step's report for testCases, counted where the cold view ")
                .append("made calls (the configured workspaces take none); siblings run in parallel, so no view ")
                .append("can answer sooner.\n\n")
                .append("| | figure | goal |\n|---|---:|---:|\n")
                .append(fresh.rows(criticalPathMs, "exactly the distinct calls (REST client: " + whole(restCalls)
                        + ")"))
                .append(running.row(criticalPathMs))
                .append(runningWithRedis.row(criticalPathMs))
                .append("| one more viewer (new credential, same repositories, ").append(MORE_VIEWERS)
                .append(" viewers): calls, % of the first's, p50 | ").append(decimal(moreCallsPerViewer))
                .append(" calls, ").append(decimal(100 * moreCallsPerViewer / cold.total())).append(" %, ")
                .append(millis(moreLatency.percentile(50))).append(" | <= 5 % |\n")
                .append("| warm: upstream calls per view (").append(WARM_RUNS).append(" views) | ")
                .append(decimal(warmCalls.total() / (double) WARM_RUNS)).append(" | 0 for completed data |\n")
                .append("| warm p50 / p99 | ").append(millis(warm.percentile(50))).append(" / ")
                .append(millis(warm.percentile(99))).append(" | p50 < 25 ms |\n\n")
                .append("Cold calls by resource and status: ").append(cold.perView(1)).append(".\n\n")
                .append("Warm calls per view by resource and status: ").append(warmCalls.perView(WARM_RUNS))
                .append(".\n\n")
                .append("### Small warm query throughput, ").append(THROUGHPUT_CONNECTIONS).append(" connections, ")
                .append(THROUGHPUT_WINDOW.toSeconds()).append(" s each\n\n")
                .append("Measured at the JIT's steady state: the two queries first take turns for ")
                .append(THROUGHPUT_WARM_UP.toSeconds()).append(" s each, twice, then each is measured in ")
                .append(THROUGHPUT_ROUNDS).append(" windows, alternating with the other's.\n\n")
                .append("Process CPU per query is the whole process's (gateway, sandbox and the bench's client) over ")
                .append("the window, divided by the queries answered.\n\n")
                .append("| | queries/s | process CPU per query | goal |\n|---|---:|---:|---:|\n")
                .append("| one repository's last 5 pipelines (number, status) | ").append(decimal(small.perSecond()))
                .append(" | ").append(whole(Math.round(small.cpuMicrosPerQuery()))).append(" µs | >= 3,530 (2x 1,765) |\n")
                .append("| `{ __typename }` (the floor) | ").append(decimal(floor.perSecond())).append(" | ")
                .append(whole(Math.round(floor.cpuMicrosPerQuery()))).append(" µs | |\n")
                .append("| small / floor | ").append(decimal(100 * small.perSecond() / floor.perSecond()))
                .append(" % | | >= 70 % |\n\n")
                .append("### Against a REST client\n\nThe same dashboard fetched as a REST client does it: one call ")
                .append("per resource, level by level, ").append(BROWSER_CONNECTIONS)
                .append(" calls at a time (a browser's connections to one host).\n\n")
                .append("| | upstream calls per dashboard | p50 |\n|---|---:|---:|\n")
                .append("| REST client (").append(REST_RUNS).append(REST_RUNS == 1 ? " run" : " runs").append(") | ")
                .append(whole(restCalls)).append(" | ")
                .append(millis(rest.percentile(50))).append(" |\n")
                .append("| gateway, cold (first viewer on a fresh gateway, median) | ").append(whole(cold.total()))
                .append(" | ").append(millis(fresh.latency().percentile(50))).append(" |\n")
                .append("| gateway, warm | ").append(decimal(warmCalls.total() / (double) WARM_RUNS)).append(" | ")
                .append(millis(warm.percentile(50))).append(" |\n\n");
    }

    /**
     * The portal hour in three gateways, each with the sandbox's webhooks on, as a portal is meant to run:
     * pass-through with the shared tier, the same without it (the baseline), and service mode, where the portal's API
     * keys share the workspaces' credential.
     */
    private void portal(StringBuilder report) {
        Map<String, String> lifetimes = PortalHour.lifetimes(System.getProperty("bench.portal-lifetimes", ""));
        List<String> time = Stream.concat(PortalHour.compressedLifetimes(lifetimes).stream(),
                Stream.of(PortalHour.compressedSandboxTime())).toList();
        PortalHour passThrough = new PortalHour("(a) pass-through, shared tier on",
                user -> Viewer.bearer(portalUser(user)), user -> "Bearer " + portalUser(user));
        PortalHour.Result shared = !PORTAL_RUNS.contains("a") ? null : portal(passThrough, time,
                "--gateway.cache.shared=true", WEBHOOK_SECRET, WORKSPACE_WEBHOOKS,
                "--gateway.sandbox.send-webhooks=true");
        PortalHour.Result baseline = !PORTAL_RUNS.contains("b") ? null : portal(new PortalHour(
                "(b) pass-through, shared tier off (baseline)", passThrough.viewers(), passThrough.charged()), time,
                "--gateway.cache.shared=false", WEBHOOK_SECRET, WORKSPACE_WEBHOOKS,
                "--gateway.sandbox.send-webhooks=true");
        List<String> service = new ArrayList<>(List.of("--gateway.security.mode=service", WEBHOOK_SECRET,
                WORKSPACE_WEBHOOKS, "--gateway.sandbox.send-webhooks=true"));
        for (int w = 0; w < 3; w++) {
            service.add("--gateway.workspaces[" + w + "].token=" + WORKSPACE_TOKEN);
        }
        for (int user = 0; user < PortalHour.USERS; user++) {
            service.add("--gateway.security.api-keys[" + user + "].name=" + portalUser(user));
            service.add("--gateway.security.api-keys[" + user + "].sha256=" + TestSecrets.sha256(apiKey(user)));
            service.add("--gateway.security.api-keys[" + user + "].grants[0]=*:read");
        }
        PortalHour.Result serviceMode = !PORTAL_RUNS.contains("c") ? null : portal(new PortalHour(
                "(c) service mode, sandbox webhooks on", user -> Viewer.apiKey(apiKey(user)),
                user -> "Bearer " + WORKSPACE_TOKEN), time, service.toArray(String[]::new));
        List<PortalHour.Result> results = Stream.of(shared, baseline, serviceMode).filter(Objects::nonNull).toList();

        report.append("## Portal hours\n\n").append(PortalHour.USERS).append(" users (distinct credentials, or API ")
                .append("keys in service mode) each load the bench dashboard every ")
                .append(PortalHour.REAL_INTERVAL.toMinutes()).append(" minutes for ").append(PortalHour.HOURS)
                .append(" consecutive hours on the same gateway (").append(PortalHour.VIEWS)
                .append(" views an hour each), their first views spread over the first interval. The first hour is ")
                .append("cold (it includes the dashboard's distinct calls, which no cache can avoid); the second is ")
                .append("the steady state, what a portal that runs all day pays each hour, on which the goals are ")
                .append("judged. Time is compressed ").append(PortalHour.COMPRESSION).append("x: a view every ")
                .append(decimal(PortalHour.INTERVAL.toMillis() / 1e3))
                .append(" s, and every cache lifetime of the gateway and the sandbox's step length (")
                .append(PortalHour.STEP.toSeconds()).append(" s, so runs last minutes, as real ones do) ")
                .append("divided by the same factor (").append(String.join(" ", time)).append(")")
                .append(lifetimes.isEmpty() ? "" : "; lifetimes other than the defaults, in real time: "
                        + lifetimes.entrySet().stream().map(set -> set.getKey() + "=" + set.getValue())
                                .collect(Collectors.joining(", ")))
                .append(". The repositories go on as the load seed's history does, each running a pipeline every ")
                .append(PortalHour.RUN_CADENCE.toHours()).append(" hours: ")
                .append(PortalHour.runsPerHour(LOAD_REPOSITORIES.size()))
                .append(" new runs an hour, evenly spread, started through the sandbox's API by a credential that is ")
                .append("none of the users'. Calls per user-hour ")
                .append("are the sandbox's requests carrying that user's credential (what Bitbucket would charge ")
                .append("that user); in service mode every call carries the workspace token. The second hour begins ")
                .append("when it is due or once every view of the first is answered, if that is later, so each ")
                .append("hour counts its own views' calls.\n\n")
                .append("| | hour 1 (cold): calls | per user: max | mean | hour 2 (steady): calls | per user: max | ")
                .append("mean | goal (steady hour) |\n|---|---:|---:|---:|---:|---:|---:|---|\n")
                .append(row(shared, "every user < 1,000"))
                .append(row(baseline, ""));
        if (shared != null && baseline != null) {
            report.append("| b / a | ").append(ratio(baseline.cold().calls().total(), shared.cold().calls().total()))
                    .append("x | | | ").append(ratio(baseline.steady().calls().total(),
                            shared.steady().calls().total()))
                    .append("x | | | >= 10x |\n");
        }
        report.append(row(serviceMode, "whole portal < 1,000"))
                .append("\n| | webhook deliveries (hour 1, 2) | views, failed (hour 1, 2) | elapsed |\n")
                .append("|---|---:|---:|---:|\n");
        for (PortalHour.Result result : results) {
            report.append("| ").append(result.name()).append(" | ").append(result.cold().deliveries()).append(", ")
                    .append(result.steady().deliveries()).append(" | ").append(result.cold().views()).append(" (")
                    .append(result.cold().failedViews()).append("), ").append(result.steady().views()).append(" (")
                    .append(result.steady().failedViews()).append(") | ")
                    .append(String.format(Locale.ROOT, "%.0f s", result.elapsed().toMillis() / 1e3)).append(" |\n");
        }
        report.append("\nCalls per view by resource and status, steady hour (cold hour in brackets):\n\n");
        for (PortalHour.Result result : results) {
            report.append("- ").append(result.name()).append(": ")
                    .append(result.steady().calls().perView(Math.max(1, result.steady().views()))).append(" (")
                    .append(result.cold().calls().perView(Math.max(1, result.cold().views()))).append(").\n");
        }
    }

    /**
     * The followed hour ({@link FollowedHour}) twice, with the sandbox's webhooks on: once with the watcher's longest
     * wait the same with webhooks as without (its rest where deliveries announce the next change taken away),
     * once with the defaults.
     */
    private void followed(StringBuilder report) {
        List<String> common = Stream.of(LOAD, PortalHour.compressedLifetimes(Map.of()),
                List.of(PortalHour.compressedSandboxTime()), FollowedHour.compressedWatchTime(),
                List.of(WEBHOOK_SECRET, WORKSPACE_WEBHOOKS, "--gateway.sandbox.send-webhooks=true"))
                .flatMap(List::stream).toList();
        String maxInterval = common.stream().filter(argument -> argument.startsWith("--gateway.watch.max-interval="))
                .findFirst().orElseThrow().substring("--gateway.watch.max-interval=".length());
        List<String> restless = common.stream().map(argument -> argument.startsWith(
                "--gateway.watch.max-interval-with-webhooks=") ? "--gateway.watch.max-interval-with-webhooks="
                + maxInterval : argument).toList();
        List<FollowedHour> hours = List.of(
                new FollowedHour("(a) webhooks on, the watcher's longest wait as without them", restless),
                new FollowedHour("(b) webhooks on, the watcher rests where deliveries announce changes", common));
        report.append("## Followed hour\n\n").append("Each of the ").append(LOAD_REPOSITORIES.size())
                .append(" load repositories followed by a status subscription (`pipelineStatusChanged` over SSE), ")
                .append("as a portal's pages with live status are, spread over ").append(PortalHour.USERS)
                .append(" credentials, for two hours in each of which ")
                .append(PortalHour.runsPerHour(LOAD_REPOSITORIES.size()))
                .append(" runs start, each step of them taking ").append(PortalHour.STEP.toSeconds())
                .append(" s, with the sandbox's webhooks on. Time compressed ").append(PortalHour.COMPRESSION)
                .append("x as in the portal hours, the watcher's waits too (")
                .append(String.join(" ", FollowedHour.compressedWatchTime()))
                .append("). Calls are those carrying the users' credentials (the watchers poll with them); news is ")
                .append("the time from a run's start to its repository's subscriber's next event, in compressed ")
                .append("time. Hour 1 includes the watchers' first backing off; hour 2 is the steady state.\n\n")
                .append("| | hour 1: calls | per user: max | status events, deliveries | news: mean, max | ")
                .append("hour 2: calls | per user: max | status events, deliveries | news: mean, max |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (FollowedHour hour : hours) {
            report.append(hour.row(hour.run(LOAD_REPOSITORIES)));
        }
        report.append('\n');
    }

    private static PortalHour.Result portal(PortalHour hour, List<String> time, String... arguments) {
        List<String> all = Stream.of(LOAD, time, List.of(arguments)).flatMap(List::stream).toList();
        try (BenchGateway gateway = BenchGateway.start(all.toArray(String[]::new))) {
            return hour.run(gateway, DASHBOARD, LOAD_REPOSITORIES);
        }
    }

    /** The row of {@code result}'s hours; none for a configuration not run ({@code null}). */
    private static String row(PortalHour.Result result, String goal) {
        if (result == null) {
            return "";
        }
        StringBuilder row = new StringBuilder("| ").append(result.name()).append(" | ");
        for (PortalHour.Hour hour : List.of(result.cold(), result.steady())) {
            String max = result.oneCredential() ? "one credential" : whole(hour.maxPerUser());
            String mean = result.oneCredential() ? decimal(hour.calls().total() / (double) PortalHour.USERS)
                    + " (total / users)" : decimal(hour.meanPerUser());
            row.append(whole(hour.calls().total())).append(" | ").append(max).append(" | ").append(mean).append(" | ");
        }
        return row.append(goal).append(" |\n").toString();
    }

    static String portalUser(int user) {
        return "bench-portal-user-" + user;
    }

    private static String apiKey(int user) {
        return "pgk_bench_portal_" + user;
    }

    /**
     * Queries/s of each of {@code queries} at {@link #THROUGHPUT_CONNECTIONS}, and the process CPU each query took, at
     * the JIT's steady state: the queries first take turns for {@link #THROUGHPUT_WARM_UP} each, twice, since the
     * JIT compiles what one query runs while the other is measured, and each of them is still several times faster
     * after half a minute under load than in its first seconds. Then each is measured in
     * {@link #THROUGHPUT_ROUNDS} windows, alternating, so that none is measured on a JIT the other warmed longer.
     */
    private static List<Throughput> throughputs(BenchGateway gateway, Viewer viewer, String... queries) {
        for (int round = 0; round < 2; round++) {
            for (String query : queries) {
                hammer(gateway, viewer, query, THROUGHPUT_WARM_UP);
            }
        }
        long[] done = new long[queries.length];
        long[] nanos = new long[queries.length];
        long[] cpu = new long[queries.length];
        Duration window = THROUGHPUT_WINDOW.dividedBy(THROUGHPUT_ROUNDS);
        for (int round = 0; round < THROUGHPUT_ROUNDS; round++) {
            for (int i = 0; i < queries.length; i++) {
                long cpuBefore = ViewCpuProfile.cpu();
                long started = System.nanoTime();
                done[i] += hammer(gateway, viewer, queries[i], window);
                nanos[i] += System.nanoTime() - started;
                cpu[i] += ViewCpuProfile.cpu() - cpuBefore;
            }
        }
        List<Throughput> throughputs = new ArrayList<>();
        for (int i = 0; i < queries.length; i++) {
            throughputs.add(new Throughput(done[i] / (nanos[i] / 1e9), cpu[i] / 1e3 / done[i]));
        }
        return throughputs;
    }

    /** How many queries a second a query is answered at, and the process CPU each took, in microseconds. */
    private record Throughput(double perSecond, double cpuMicrosPerQuery) {
    }

    private static int hammer(BenchGateway gateway, Viewer viewer, String query, Duration window) {
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + window.toNanos();
        Flux.range(0, THROUGHPUT_CONNECTIONS)
                .flatMap(worker -> Mono.defer(() -> gateway.query(viewer, query))
                        .doOnNext(ignored -> done.incrementAndGet())
                        .repeat(() -> System.nanoTime() < deadline), THROUGHPUT_CONNECTIONS)
                .blockLast();
        return done.get();
    }

    /** The query of the README's "A first query", read from the README so the two never differ. */
    static String readmeDashboard() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String fence = "```graphql\n";
        int start = readme.indexOf(fence, readme.indexOf("## A first query")) + fence.length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** The {@link #LEVELS} at which {@code cold} made calls, in order: each waits for the one before it. */
    static List<String> levelsCalled(UpstreamCalls cold) {
        return LEVELS.entrySet().stream().filter(level -> cold.madeAny(level.getValue())).map(Map.Entry::getKey)
                .toList();
    }

    @SafeVarargs
    private static Map<String, Set<String>> levels(Map.Entry<String, Set<String>>... inOrder) {
        Map<String, Set<String>> levels = new LinkedHashMap<>();
        Stream.of(inOrder).forEach(level -> levels.put(level.getKey(), level.getValue()));
        return Collections.unmodifiableMap(levels);
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

    private static String whole(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String millis(double nanos) {
        return String.format(Locale.ROOT, "%,.1f ms", nanos / 1e6);
    }

    /**
     * Fresh gateways' first views of {@code query} (each gateway started with {@code arguments}): the part's own
     * ({@code latency}, {@code calls}), and as many more as make {@link #FRESH_GATEWAYS}, each started for that view
     * alone.
     */
    private static FreshViews firstViewsOfFreshGateways(String query, List<String> arguments, long latency,
            UpstreamCalls calls) {
        Samples latencies = new Samples();
        latencies.add(latency);
        Set<Long> callCounts = new TreeSet<>(Set.of(calls.total()));
        for (int i = 1; i < FRESH_GATEWAYS; i++) {
            try (BenchGateway fresh = BenchGateway.start(arguments.toArray(String[]::new))) {
                Viewer viewer = Viewer.bearer("bench-fresh-" + i);
                UpstreamCalls before = fresh.upstream();
                latencies.add(Samples.time(() -> fresh.await(viewer, query)));
                callCounts.add(fresh.upstream().since(before).total());
            }
        }
        return new FreshViews(calls, latencies, callCounts);
    }

    /**
     * Fresh gateways' first views: the part's own gateway's calls, the latency of each, and the distinct numbers of
     * calls they made (one, unless the sandbox's running pipelines moved on between them).
     */
    private record FreshViews(UpstreamCalls calls, Samples latency, Set<Long> callCounts) {

        String rows(long criticalPathMs, String callsGoal) {
            double median = latency.percentile(50);
            String others = callCounts.size() == 1 ? "" : " (the " + FRESH_GATEWAYS + " gateways' views: "
                    + callCounts.stream().map(DashboardBenchmark::whole).collect(Collectors.joining(", ")) + " calls)";
            return "| cold, first viewer on a fresh gateway: upstream calls, latency (median of " + FRESH_GATEWAYS
                    + " gateways; fastest, slowest) | " + whole(calls.total()) + " calls" + others + ", "
                    + millis(median) + " (" + millis(latency.percentile(0)) + ", " + millis(latency.percentile(100))
                    + ") | " + callsGoal + " |\n"
                    + "| cold latency / critical path, fresh gateway | " + ratio(median / 1e6, criticalPathMs)
                    + "x | <= 1.2x |\n";
        }
    }

    /**
     * A cold cache on a gateway that has run a while: the first views of {@link #RUNNING_COLD_VIEWS} new credentials on
     * a gateway with the shared tier off, so that each makes every call a first viewer makes, after other credentials'
     * first views of the same query. A fresh gateway's first view also pays its application context's first use
     * (Jackson's serializers and deserializers built for each type, Spring's handler caches filled, on both the
     * gateway's and the sandbox's side); a gateway that has served users has paid it, as it has compiled its hot paths.
     */
    private static ColdViews coldOnARunningGateway(String query, List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--gateway.cache.shared=false");
        boolean redis = all.stream().anyMatch(argument -> argument.startsWith("--spring.data.redis.url="));
        try (BenchGateway gateway = BenchGateway.start(all.toArray(String[]::new))) {
            UpstreamCalls started = gateway.upstream();
            for (int i = 0; gateway.upstream().since(started).total() < RUNNING_WARM_UP_CALLS; i++) {
                gateway.await(Viewer.bearer("bench-running-warm-up-" + i), query);
            }
            Samples latency = new Samples();
            UpstreamCalls before = gateway.upstream();
            long cpu = ViewCpuProfile.cpu();
            long sandbox = ViewCpuProfile.sandboxAnswersCpu();
            for (int i = 0; i < RUNNING_COLD_VIEWS; i++) {
                Viewer viewer = Viewer.bearer("bench-running-cold-" + i);
                latency.add(Samples.time(() -> gateway.await(viewer, query)));
            }
            return new ColdViews(latency, gateway.upstream().since(before).total() / (double) RUNNING_COLD_VIEWS,
                    redis, (ViewCpuProfile.cpu() - cpu) / RUNNING_COLD_VIEWS,
                    (ViewCpuProfile.sandboxAnswersCpu() - sandbox) / RUNNING_COLD_VIEWS);
        }
    }

    /**
     * New credentials' first views: their latency and their calls per view, with the cache in Redis or not, and the
     * process's CPU a view (nanoseconds), of which the sandbox's answers took {@code sandboxCpuPerView}.
     */
    private record ColdViews(Samples latency, double callsPerView, boolean redis, long cpuPerView,
            long sandboxCpuPerView) {

        String row(long criticalPathMs) {
            return "| cold, running gateway" + (redis ? " with its cache in Redis (on this machine)" : "") + " ("
                    + RUNNING_COLD_VIEWS + " new credentials' first views, shared tier off, median): upstream calls, "
                    + "latency; latency / critical path; process CPU a view, the sandbox's answers' share | "
                    + decimal(callsPerView) + " calls, " + millis(latency.percentile(50)) + "; "
                    + ratio(latency.percentile(50) / 1e6, criticalPathMs) + "x; " + millis(cpuPerView) + ", "
                    + decimal(100.0 * sandboxCpuPerView / Math.max(1, cpuPerView)) + " % | "
                    + (redis ? "reported: the goal is set without Redis" : "<= 1.2x") + " |\n";
        }
    }

    private static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.2f", a / b);
    }

    /** Latency samples in nanoseconds. */
    static final class Samples {
        private final List<Long> values = new ArrayList<>();

        static Samples of(int runs, Runnable run) {
            Samples samples = new Samples();
            for (int i = 0; i < runs; i++) {
                samples.add(time(run));
            }
            return samples;
        }

        static long time(Runnable run) {
            long started = System.nanoTime();
            run.run();
            return System.nanoTime() - started;
        }

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
