package io.pipelinesgateway.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;

import io.pipelinesgateway.bench.BenchGateway.Viewer;
import io.pipelinesgateway.sandbox.SandboxWebFilter;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/**
 * The CPU one bench dashboard view costs the process (gateway and in-process sandbox together), cold and warm, so
 * that a change to the hot path can be weighed on a loaded machine where wall-clock latency says little. Not part of
 * the suite nor of the benchmark: run it alone, under JFR to see where the time goes:
 * {@code ./mvnw -o -B test -Pbench -Dtest=ViewCpuProfile -Dbench.jfr=target} (one recording per phase: cold-first,
 * cold, warm, small, floor; run with {@code JAVA_TOOL_OPTIONS=-XX:FlightRecorderOptions:stackdepth=1024} to keep
 * Reactor's deep stacks whole).
 * Each cold view is a new credential's with the shared tier off, so it makes every upstream call a first view makes.
 * {@link #cpuPerReadmeView} does the same for a warm view of the README's dashboard.
 */
class ViewCpuProfile {

    private static final int COLD_VIEWS = Integer.getInteger("bench.cold-views", 8);
    private static final int WARM_VIEWS = Integer.getInteger("bench.warm-views", 300);
    private static final int SMALL_QUERIES = Integer.getInteger("bench.small-queries", 3000);

    private Recording recording;

    @Test
    void cpuPerView() throws IOException, ParseException {
        try (BenchGateway gateway = BenchGateway.start("--gateway.sandbox.load-workspaces=3",
                "--gateway.sandbox.load-repositories-per-workspace=10", "--gateway.workspaces[0].slug=load-1",
                "--gateway.workspaces[1].slug=load-2", "--gateway.workspaces[2].slug=load-3",
                "--gateway.cache.shared=false")) {
            StringBuilder report = new StringBuilder();
            for (int i = 0; i < COLD_VIEWS; i++) {
                if (i == 0 || i == COLD_VIEWS / 2) {
                    // The first half warms the JIT; the second is the cold view of a gateway that has run a while.
                    phase(i == 0 ? "cold-first" : "cold");
                }
                Viewer viewer = Viewer.bearer("cpu-cold-" + i);
                UpstreamCalls before = gateway.upstream();
                long cpu = cpu();
                long sandbox = sandboxAnswersCpu();
                long wall = System.nanoTime();
                gateway.await(viewer, DashboardBenchmark.DASHBOARD);
                report.append(String.format(Locale.ROOT,
                        "cold view %d: %.0f ms CPU (the sandbox's answers %.0f ms), %.0f ms wall, %d calls%n", i,
                        (cpu() - cpu) / 1e6, (sandboxAnswersCpu() - sandbox) / 1e6, (System.nanoTime() - wall) / 1e6,
                        gateway.upstream().since(before).total()));
            }
            phase("warm");
            Viewer warm = Viewer.bearer("cpu-cold-0");
            for (int i = 0; i < 30; i++) {
                gateway.await(warm, DashboardBenchmark.DASHBOARD);
            }
            long cpu = cpu();
            long wall = System.nanoTime();
            for (int i = 0; i < WARM_VIEWS; i++) {
                gateway.await(warm, DashboardBenchmark.DASHBOARD);
            }
            report.append(String.format(Locale.ROOT, "warm view: %.2f ms CPU, %.2f ms wall (mean of %d)%n",
                    (cpu() - cpu) / 1e6 / WARM_VIEWS, (System.nanoTime() - wall) / 1e6 / WARM_VIEWS, WARM_VIEWS));
            phase("small");
            report.append(perQuery(gateway, warm, DashboardBenchmark.SMALL, "small query"));
            phase("floor");
            report.append(perQuery(gateway, warm, DashboardBenchmark.FLOOR, "{ __typename }"));
            phase("end");
            System.out.print(report);
        }
    }

    /**
     * The CPU of a warm view of the README's dashboard (README.md, "A first query") on the default seed, the query of
     * the benchmark's README row: {@code -Dtest=ViewCpuProfile#cpuPerReadmeView} (recording "readme-warm").
     */
    @Test
    void cpuPerReadmeView() throws IOException, ParseException {
        try (BenchGateway gateway = BenchGateway.start()) {
            String query = DashboardBenchmark.readmeDashboard();
            Viewer viewer = Viewer.bearer("cpu-readme");
            for (int i = 0; i < 100; i++) {
                gateway.await(viewer, query);
            }
            phase("readme-warm");
            long cpu = cpu();
            long wall = System.nanoTime();
            for (int i = 0; i < WARM_VIEWS; i++) {
                gateway.await(viewer, query);
            }
            String report = String.format(Locale.ROOT, "README warm view: %.2f ms CPU, %.2f ms wall (mean of %d)%n",
                    (cpu() - cpu) / 1e6 / WARM_VIEWS, (System.nanoTime() - wall) / 1e6 / WARM_VIEWS, WARM_VIEWS);
            phase("end");
            System.out.print(report);
        }
    }

    /**
     * The CPU of a fresh gateway's first view of the README's dashboard, in a JVM whose JIT earlier gateways warmed,
     * as the benchmark's "fresh gateway" row measures it: {@code -Dtest=ViewCpuProfile#cpuOfAFreshGatewaysFirstView}
     * (recordings "fresh-first-1" to "-5", each of one first view alone).
     */
    @Test
    void cpuOfAFreshGatewaysFirstView() throws IOException, ParseException {
        String query = DashboardBenchmark.readmeDashboard();
        try (BenchGateway earlier = BenchGateway.start("--gateway.cache.shared=false")) {
            for (int i = 0; i < 100; i++) {
                earlier.await(Viewer.bearer("cpu-warming-" + i), query);
            }
        }
        StringBuilder report = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            try (BenchGateway fresh = BenchGateway.start()) {
                phase("fresh-first-" + i);
                long cpu = cpu();
                long wall = System.nanoTime();
                fresh.await(Viewer.bearer("cpu-fresh-" + i), query);
                report.append(String.format(Locale.ROOT, "fresh gateway's first view %d: %.0f ms CPU, %.0f ms wall%n",
                        i, (cpu() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6));
                phase("end");
            }
        }
        System.out.print(report);
    }

    /**
     * Ends the flight recording of the phase before, if any, and starts {@code name}'s when {@code bench.jfr} names a
     * directory: one recording per phase, so a profile never mixes cold and warm work.
     */
    private void phase(String name) throws IOException, ParseException {
        if (recording != null) {
            recording.stop();
            recording.close();
            recording = null;
        }
        String directory = System.getProperty("bench.jfr");
        if (directory != null && !name.equals("end")) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            // A sample a millisecond, where the profile takes one every 10 ms: a view is a few hundred of them.
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.setDestination(Files.createDirectories(Path.of(directory)).resolve(name + ".jfr"));
            recording.start();
        }
    }

    private static String perQuery(BenchGateway gateway, Viewer viewer, String query, String name) {
        for (int i = 0; i < SMALL_QUERIES / 3; i++) {
            gateway.await(viewer, query);
        }
        long cpu = cpu();
        for (int i = 0; i < SMALL_QUERIES; i++) {
            gateway.await(viewer, query);
        }
        return String.format(Locale.ROOT, "%s: %.0f us CPU (mean of %d)%n", name,
                (cpu() - cpu) / 1e3 / SMALL_QUERIES, SMALL_QUERIES);
    }

    /** The process's CPU time so far, in nanoseconds: the gateway, the in-process sandbox and the bench's client. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The CPU time, in nanoseconds, the sandbox's answers have taken so far on its threads (once its latency has
     * passed: routing, its handlers, its JSON; {@link SandboxWebFilter#ANSWER_THREADS}): work of the simulated
     * Bitbucket, not of the gateway, within {@link #cpu()}. Its reading of the requests, before the latency, is on
     * the server's event loops with the gateway's work, so this is the least the sandbox takes.
     */
    static long sandboxAnswersCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith(SandboxWebFilter.ANSWER_THREADS + "-")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }
}
