package io.pipelinesgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A headless Chromium (Debian's {@code chromium} package) of the test's own: a new profile in a temporary directory,
 * DevTools on a port it picks itself, and nothing from outside (no sync, no component updates, no background
 * networking). Closing it ends the browser and its child processes and deletes the profile.
 * <p>
 * When the package is missing, {@link #executable()} installs it if it can (as root, with {@code apt-get}); otherwise
 * the test is skipped, unless {@code GATEWAY_REQUIRE_BROWSER=1} (as CI sets it) makes that a failure.
 */
public final class Chromium implements AutoCloseable {

    /** Where Debian's package puts it. */
    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Path LOGS = Path.of("target");

    private final Process process;
    private final Path profile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final URI endpoint;
    private final DevTools browser;

    private Chromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
        try {
            this.endpoint = browserEndpoint();
            this.browser = DevTools.connect(http, endpoint);
        }
        catch (RuntimeException failed) {
            stop();
            throw failed;
        }
    }

    /** The browser to run, installed first if it is missing and can be; skips (or fails) the test otherwise. */
    public static Path executable() {
        if (!Files.isExecutable(EXECUTABLE) && canInstall()) {
            install();
        }
        if (!Files.isExecutable(EXECUTABLE)) {
            String reason = "Headless-browser test: " + EXECUTABLE + " is missing; install Debian's chromium package "
                    + "(apt-get install --no-install-recommends chromium).";
            if ("1".equals(System.getenv("GATEWAY_REQUIRE_BROWSER"))) {
                fail(reason + " GATEWAY_REQUIRE_BROWSER=1 requires it.");
            }
            abort(reason);
        }
        return EXECUTABLE;
    }

    /** Starts the browser with a new, empty profile. */
    public static Chromium launch(Path executable) {
        Path profile;
        Process process;
        try {
            profile = Files.createTempDirectory("gateway-chromium-");
            Files.createDirectories(LOGS);
            process = new ProcessBuilder(executable.toString(),
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                    .redirectErrorStream(true)
                    .redirectOutput(LOGS.resolve("chromium.log").toFile())
                    .start();
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return new Chromium(process, profile);
    }

    /** Opens a new tab and connects to it. */
    public DevTools newPage() {
        String target = browser.send("Target.createTarget", Map.of("url", "about:blank")).path("targetId").asString();
        return DevTools.connect(http, endpoint.resolve("/devtools/page/" + target));
    }

    /** Ends the browser and every process it started, and deletes its profile. */
    @Override
    public void close() {
        browser.close();
        stop();
    }

    private void stop() {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
            children.forEach(ProcessHandle::destroyForcibly);
            FileSystemUtils.deleteRecursively(profile);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * The browser's DevTools WebSocket, from the {@code DevToolsActivePort} file Chromium writes into its profile
     * once it listens: the port on the first line, the path on the second.
     */
    private URI browserEndpoint() {
        Path activePort = profile.resolve("DevToolsActivePort");
        List<String> lines = await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .failFast("Chromium exited; see target/chromium.log", () -> !process.isAlive())
                .until(() -> Files.exists(activePort)
                        ? Files.readAllLines(activePort, StandardCharsets.UTF_8) : List.of(),
                        read -> read.size() >= 2);
        return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
    }

    private static boolean canInstall() {
        return Files.isExecutable(Path.of("/usr/bin/apt-get")) && "root".equals(System.getProperty("user.name"));
    }

    /** {@code apt-get install}, after {@code apt-get update} if the package lists do not know the package. */
    private static void install() {
        List<String> install = List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium");
        if (!installed(install)) {
            installed(List.of("apt-get", "update"));
            installed(install);
        }
    }

    private static boolean installed(List<String> command) {
        try {
            Files.createDirectories(LOGS);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve("chromium-install.log").toFile()));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        }
        catch (IOException failed) {
            return false;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
