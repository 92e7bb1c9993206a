package io.pipelinesgateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.pipelinesgateway.support.TestSecrets;
import io.pipelinesgateway.support.TestSecrets.Secret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret the test suite uses appears in the logs of its whole run: every line any test logged went to
 * {@code target/test-logs/} ({@code logback-test.xml}), and this check runs after all of them (failsafe, in
 * {@code ./mvnw -B verify}). It fails when there are no such logs, so it cannot pass for want of looking; a leak is
 * reported by the secret's name, a masked form of it, and the file and line it is in.
 */
class LogsHoldNoSecretIT {

    private static final Path TEST_LOGS = Path.of(System.getProperty("test.logs.dir", "target/test-logs"));

    @Test
    void theLogsOfTheTestRunHoldNoSecret() throws IOException {
        List<Path> files = logFiles();
        assertThat(files).as("log files of the test run in %s (run the unit tests first: ./mvnw -B verify)",
                TEST_LOGS.toAbsolutePath()).isNotEmpty();
        List<String> leaks = new ArrayList<>();
        boolean gatewayStarted = false;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            gatewayStarted |= lines.stream().anyMatch(line -> line.contains("Started "));
            for (int number = 1; number <= lines.size(); number++) {
                for (Secret secret : TestSecrets.all()) {
                    if (lines.get(number - 1).contains(secret.value())) {
                        leaks.add(secret.name() + " (" + masked(secret.value()) + ") in " + file + ", line " + number);
                    }
                }
            }
        }
        assertThat(gatewayStarted).as("the logs hold the start of a gateway, so the suite's lines were captured")
                .isTrue();
        assertThat(leaks).as("secrets in the logs of the test run").isEmpty();
    }

    private static List<Path> logFiles() throws IOException {
        if (!Files.isDirectory(TEST_LOGS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(TEST_LOGS)) {
            return files.filter(file -> file.toString().endsWith(".log")).sorted().toList();
        }
    }

    /** Enough of a secret to recognise it, never the secret. */
    private static String masked(String secret) {
        return secret.substring(0, Math.min(4, secret.length() / 4)) + "…(" + secret.length() + " characters)";
    }
}
