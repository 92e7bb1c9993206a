package io.pipelinesgateway.graphiql;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.pipelinesgateway.support.Chromium;
import io.pipelinesgateway.support.DevTools;
import io.pipelinesgateway.support.LiveSandboxTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GraphiQL in a real browser (headless Chromium) with nothing but the gateway to talk to: the page renders with the
 * example queries in its tabs (the first one's variables in its Variables pane at once), runs the first one against
 * the sandbox without any credential, and shows its data; every request the page made went to the gateway itself,
 * none to a CDN.
 */
@LiveSandboxTest
class GraphiqlRunsAQueryInHeadlessChromiumTest {

    // Chromium's first start on a busy two-core machine, GraphiQL's introspection and the dashboard take time.
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String QUERY_EDITOR = textOfEditor(".graphiql-query-editor");
    private static final String RESPONSE = textOfEditor(".result-window");
    private static final String VARIABLES = "Array.from(document.querySelectorAll('.graphiql-editor-tool .CodeMirror'))"
            + ".map(editor => editor.CodeMirror.getValue()).join('\\n')";
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost");
    // Not network requests: inline images of GraphiQL's stylesheet, and the blank page a tab opens with.
    private static final Set<String> IN_PAGE_SCHEMES = Set.of("data", "blob", "about");

    @LocalServerPort
    int port;

    @Test
    void graphiqlRendersWithTheExamplesAndRunsTheDashboardLoadingNothingFromElsewhere() throws IOException {
        // Here rather than before all: a skip then shows as this test skipped, with the reason, not as no test run.
        Path executable = Chromium.executable();
        String gateway = "http://127.0.0.1:" + port;
        try (Chromium chromium = Chromium.launch(executable); DevTools page = chromium.newPage()) {
            try {
                page.send("Network.enable", Map.of());
                page.send("Page.navigate", Map.of("url", gateway + "/graphiql"));

                poll(page, QUERY_EDITOR, editor -> editor.contains("query Dashboard"));
                assertThat(page.evaluate("document.querySelectorAll('.graphiql-tab').length").asInt())
                        .as("one tab per example query").isEqualTo(exampleQueries());
                assertThat(poll(page, VARIABLES, variables -> !variables.isBlank()))
                        .as("the first tab's Variables pane holds the dashboard's variables")
                        .contains("\"repositories\": 10");

                page.evaluate("document.querySelector('.graphiql-execute-button').click()");
                String response = poll(page, RESPONSE, text -> text.contains("\"slug\": \"acme\""));
                assertThat(response).contains("\"fullName\": \"acme/").doesNotContain("\"errors\"");
            }
            finally {
                screenshot(page);
            }

            List<String> requested = page.events("Network.requestWillBeSent").stream()
                    .map(event -> event.path("request").path("url").asString())
                    .toList();
            assertThat(requested).contains(gateway + "/graphiql", gateway + "/graphql")
                    .anyMatch(url -> url.startsWith(gateway + "/webjars/graphiql/"));
            assertThat(requested).allSatisfy(url -> assertThat(fromTheGateway(url))
                    .as("%s comes from the gateway", url).isTrue());
        }
    }

    /** The expression's string value once it satisfies {@code done}. */
    private static String poll(DevTools page, String expression, Predicate<String> done) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> page.evaluate(expression).asString(), done::test);
    }

    /** An expression for the text in GraphiQL's CodeMirror editor inside {@code selector}; empty until it renders. */
    private static String textOfEditor(String selector) {
        return "document.querySelector('" + selector + " .CodeMirror')?.CodeMirror.getValue() ?? ''";
    }

    private static boolean fromTheGateway(String url) {
        URI uri = URI.create(url);
        return IN_PAGE_SCHEMES.contains(uri.getScheme()) || LOCAL_HOSTS.contains(uri.getHost());
    }

    private static long exampleQueries() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".graphql")).count();
        }
    }

    /**
     * For people looking at a run, passed or failed (target/graphiql-headless-chromium.png); nothing is asserted on
     * it, and failing to take it must not hide what the test found, so that failure is only printed.
     */
    private static void screenshot(DevTools page) {
        try {
            String png = page.send("Page.captureScreenshot", Map.of("format", "png")).path("data").asString();
            Files.write(Path.of("target", "graphiql-headless-chromium.png"), Base64.getDecoder().decode(png));
        }
        catch (IOException | RuntimeException failed) {
            System.err.println("No screenshot of GraphiQL: " + failed);
        }
    }
}
