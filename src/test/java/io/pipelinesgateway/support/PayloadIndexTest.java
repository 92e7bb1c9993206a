package io.pipelinesgateway.support;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code payloads/index.json} names the request of every payload file and of nothing else, so that a conformance
 * test can check each file against Bitbucket's spec. (No Spring context: this only reads files.)
 */
class PayloadIndexTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void indexesEveryPayloadFileAndNoOtherFile() throws IOException, URISyntaxException {
        Path directory = Path.of(Payloads.class.getResource("/payloads/index.json").toURI()).getParent();
        List<String> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.map(path -> path.getFileName().toString()).filter(name -> !name.equals("index.json"))
                    .toList();
        }

        assertThat(Payloads.index().keySet()).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void describesEachRequestCompletely() {
        assertThat(Payloads.index().values()).allSatisfy(entry -> {
            // Reads, and the answers of the changes the mutations send.
            assertThat(entry.method()).isIn("GET", "POST", "PUT", "DELETE");
            assertThat(entry.path()).startsWith("/").doesNotContain("?").doesNotContain("{").doesNotContain("}");
            assertThat(entry.status()).isBetween(200, 599);
            assertThat(entry.contentType()).isIn("application/json", "text/plain");
            assertThat(entry.file()).endsWith(entry.contentType().equals("text/plain") ? ".txt" : ".json");
        });
    }

    @Test
    void holdsJsonShapedLikeBitbucketsInEveryJsonPayload() {
        Payloads.index().values().stream().filter(entry -> entry.contentType().equals("application/json"))
                .forEach(entry -> {
                    JsonNode body = JSON.readTree(Payloads.bytes(entry.file()));
                    if (entry.status() >= 400) {
                        assertThat(body.path("type").asString()).as(entry.file()).isEqualTo("error");
                        assertThat(body.path("error").path("message").isString()).as(entry.file()).isTrue();
                    }
                    else if (body.has("values")) {
                        assertThat(body.path("page").isInt()).as(entry.file()).isTrue();
                        assertThat(body.path("pagelen").asInt()).as(entry.file()).isEqualTo(100);
                        assertThat(body.path("size").asInt()).as(entry.file())
                                .isGreaterThanOrEqualTo(body.path("values").size());
                        assertThat(entry.queryParameters()).as(entry.file()).containsKeys("page", "pagelen");
                    }
                });
    }
}
