package io.pipelinesgateway.step;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_BUILD;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offsets count bytes, and build output is full of characters of several bytes (a test runner's {@code ✓}, box
 * drawing, emoji). A range that starts or ends inside one is cut to whole characters, so that each chunk is text a
 * person can read, and reading on from each chunk's {@code endOffset} gives pieces that join into the log.
 */
class ALogReadInRangesIsCutBetweenCharactersTest extends GatewayTest {

    private static final String LOG = stepPath(PIPELINE_42, STEP_BUILD) + "/log";
    /** Lines of 6 bytes: a check mark of 3, a space, a letter, a newline. */
    private static final String TEXT = "✓ a\n".repeat(8);

    private static final String RANGE = """
            query { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
              step(uuid: "%s") { log { range(offset: %%d, length: %%d) { offset length endOffset text } } } } }
            """.formatted(PIPELINE_42, STEP_BUILD);

    @BeforeEach
    void givenACompletedStepWithCheckMarksInItsLog() {
        given("pipeline-42.json");
        given("step-build.json");
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(LOG))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(TEXT.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aRangeStartingAndEndingInsideACharacterHoldsOnlyWholeOnes() {
        Map<String, Object> chunk = range(1, 6);

        assertThat(chunk).containsEntry("offset", 3).containsEntry("length", 3).containsEntry("endOffset", 6)
                .containsEntry("text", " a\n");
    }

    @Test
    void readingOnFromEachEndOffsetGivesPiecesThatJoinIntoTheLog() {
        StringBuilder joined = new StringBuilder();
        int offset = 0;
        int size = TEXT.getBytes(StandardCharsets.UTF_8).length;
        while (offset < size) {
            Map<String, Object> chunk = range(offset, 5);
            assertThat((String) chunk.get("text")).doesNotContain("\uFFFD");
            joined.append(chunk.get("text"));
            offset = (Integer) chunk.get("endOffset");
        }

        assertThat(joined.toString()).isEqualTo(TEXT);
    }

    @Test
    void aRangeShorterThanTheCharacterItFallsInIsLeftAsRead() {
        assertThat(range(0, 1)).containsEntry("offset", 0).containsEntry("length", 1).containsEntry("endOffset", 1);
    }

    private Map<String, Object> range(int offset, int length) {
        return graphQl.document(RANGE.formatted(offset, length)).execute()
                .path("pipeline.step.log.range").entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }
}
