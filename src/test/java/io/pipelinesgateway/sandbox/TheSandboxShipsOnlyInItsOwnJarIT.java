package io.pipelinesgateway.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox lives in test sources so that production never carries a fake Bitbucket: the jars that
 * {@code ./mvnw package} leaves are checked after they are built (failsafe, in {@code ./mvnw -B verify}). The
 * production jar holds none of the sandbox; the {@code -sandbox} jar holds it, and none of the tests that sit beside
 * it in {@code src/test} (it runs with no test library on its classpath).
 */
class TheSandboxShipsOnlyInItsOwnJarIT {

    private static final String CLASSES = "BOOT-INF/classes/";

    private static final String SANDBOX = CLASSES + "io/pipelinesgateway/sandbox/";

    /** Packages of the test libraries: a class naming one of them is a test, not part of the sandbox. */
    private static final List<String> TEST_LIBRARIES = List.of("org/junit/", "org/assertj/", "org/springframework/test/",
            "org/springframework/boot/test/", "com/github/tomakehurst/wiremock/");

    @Test
    void theProductionJarHoldsNoSandboxClassNorItsSettings() throws IOException {
        try (JarFile jar = jar("production.jar")) {
            assertThat(jar.getEntry(CLASSES + "io/pipelinesgateway/PipelinesGatewayApplication.class")).isNotNull();
            assertThat(jar.stream().map(ZipEntry::getName))
                    .noneMatch(name -> name.startsWith(SANDBOX))
                    .doesNotContain(CLASSES + "application-sandbox.yml");
        }
    }

    @Test
    void theSandboxJarHoldsTheGatewayAndTheSandboxButNoTest() throws IOException {
        try (JarFile jar = jar("sandbox.jar")) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo("io.pipelinesgateway.PipelinesGatewayApplication");
            assertThat(jar.getEntry(SANDBOX + "SandboxConfiguration.class")).isNotNull();
            assertThat(jar.getEntry(CLASSES + "application-sandbox.yml")).isNotNull();
            List<JarEntry> sandboxClasses = jar.stream()
                    .filter(entry -> entry.getName().startsWith(SANDBOX) && entry.getName().endsWith(".class"))
                    .toList();
            for (JarEntry entry : sandboxClasses) {
                String constants = read(jar, entry);
                assertThat(TEST_LIBRARIES).as("test libraries %s uses", entry.getName())
                        .noneMatch(constants::contains);
            }
        }
    }

    private static JarFile jar(String property) throws IOException {
        String location = System.getProperty(property);
        assertThat(location).as("system property %s (set by failsafe in pom.xml)", property).isNotNull();
        Path path = Path.of(location);
        assertThat(path).as("%s, built by ./mvnw package", property).exists();
        return new JarFile(path.toFile());
    }

    /** A class file's bytes as text: the names of the types it uses stand in it as plain UTF-8. */
    private static String read(JarFile jar, ZipEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
