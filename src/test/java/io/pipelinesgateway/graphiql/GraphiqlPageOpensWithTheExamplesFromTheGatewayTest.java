package io.pipelinesgateway.graphiql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /graphiql} names only the gateway's own assets (relative paths, no CDN) and carries every query of
 * {@code examples/} as a tab, the dashboard first, each with the variables of its {@code # Variables:} line; the
 * address with a trailing slash leads to it, and the browser's request for a favicon is answered (no console error).
 * The headless-browser test shows the same page running; this one needs no browser.
 */
class GraphiqlPageOpensWithTheExamplesFromTheGatewayTest extends GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static final Pattern TABS = Pattern.compile("const examples = (\\[.*]);");

    @Test
    void thePageLoadsOnlyItsOwnAssetsAndHoldsEveryExampleWithItsVariables() throws IOException {
        String page = new String(http(null, "/graphiql").get().exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);

        List<String> assets = ASSET.matcher(page).results().map(asset -> asset.group(1)).toList();
        assertThat(assets).hasSize(4).allSatisfy(asset -> assertThat(asset).startsWith("webjars/"));

        Matcher tabs = TABS.matcher(page);
        assertThat(tabs.find()).isTrue();
        List<JsonNode> examples = JSON.readTree(tabs.group(1)).valueStream().toList();
        assertThat(examples).extracting(tab -> tab.path("name").asString())
                .containsExactlyElementsOf(exampleFiles());
        for (JsonNode tab : examples) {
            String file = Files.readString(Path.of("examples", tab.path("name").asString()));
            assertThat(tab.path("query").asString()).isEqualTo(file);
            assertThat(file).contains("# Variables: " + tab.path("variables").asString() + "\n");
        }
    }

    @Test
    void theAddressWithATrailingSlashRedirectsToThePage() {
        http(null, "/graphiql/").get().exchange()
                .expectStatus().isPermanentRedirect()
                .expectHeader().location("../graphiql");
    }

    @Test
    void theFaviconAnswersWithNoContentAndNoCredential() {
        http(null, "/favicon.ico").get().exchange()
                .expectStatus().isNoContent();
    }

    /** The dashboard first (the README's first query), then the others by name. */
    private static List<String> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".graphql")).sorted().toList();
            return Stream.concat(Stream.of("dashboard.graphql"),
                    names.stream().filter(name -> !name.equals("dashboard.graphql"))).toList();
        }
    }
}
