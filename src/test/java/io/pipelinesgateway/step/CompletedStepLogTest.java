package io.pipelinesgateway.step;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.pipelinesgateway.support.FakeBitbucket;
import io.pipelinesgateway.support.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_BUILD;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A completed step's log does not grow any more, so it is read in aligned 64 KiB blocks, the unit the cache keeps:
 * the size comes with the first block, a range reads the blocks it spans, and a tail reads blocks backwards from the
 * end until it holds the lines asked for.
 */
class CompletedStepLogTest extends GatewayTest {

    private static final String LOG = stepPath(PIPELINE_42, STEP_BUILD) + "/log";
    private static final int BLOCK = 64 * 1024;
    private static final String TEXT = log();

    private static final String QUERY = """
            query { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
              step(uuid: "%s") { log { %%s } } } }
            """.formatted(PIPELINE_42, STEP_BUILD);

    @BeforeEach
    void givenACompletedStepWithALogOfFourBlocks() {
        given("pipeline-42.json");
        given("step-build.json");
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(LOG)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(TEXT)));
    }

    @Test
    void theSizeComesWithTheFirstBlock() {
        graphQl.document(QUERY.formatted("size")).execute()
                .path("pipeline.step.log.size").entity(Integer.class).isEqualTo(TEXT.length());

        assertThat(ranges()).containsExactly("bytes=0-65535");
    }

    @Test
    void aRangeAcrossABlockBoundaryReadsTheTwoBlocksItSpans() {
        int offset = BLOCK - 30;
        graphQl.document(QUERY.formatted("range(offset: " + offset + ", length: 100) { offset length text }"))
                .execute()
                .path("pipeline.step.log.range.offset").entity(Integer.class).isEqualTo(offset)
                .path("pipeline.step.log.range.length").entity(Integer.class).isEqualTo(100)
                .path("pipeline.step.log.range.text").entity(String.class)
                .isEqualTo(TEXT.substring(offset, offset + 100));

        assertThat(ranges()).contains("bytes=0-65535", "bytes=65536-131071")
                .doesNotContain("bytes=131072-196607");
    }

    @Test
    void aTailReadsTheLastBlockAfterTheSize() {
        List<String> lines = List.of(TEXT.split("\n"));
        String lastThree = String.join("\n", lines.subList(lines.size() - 3, lines.size())) + "\n";

        graphQl.document(QUERY.formatted("tail(lines: 3) { offset totalSize text }")).execute()
                .path("pipeline.step.log.tail.text").entity(String.class).isEqualTo(lastThree)
                .path("pipeline.step.log.tail.offset").entity(Integer.class)
                .isEqualTo(TEXT.length() - lastThree.length())
                .path("pipeline.step.log.tail.totalSize").entity(Integer.class).isEqualTo(TEXT.length());

        int lastBlock = (TEXT.length() - 1) / BLOCK;
        assertThat(ranges()).containsExactly("bytes=0-65535",
                "bytes=" + lastBlock * BLOCK + "-" + ((lastBlock + 1) * BLOCK - 1));
    }

    private List<String> ranges() {
        return bitbucket.findAll(getOf(LOG)).stream().map(request -> request.getHeader("Range")).toList();
    }

    /** About 200 KiB of numbered build output: four blocks, the last one partial. */
    private static String log() {
        StringBuilder text = new StringBuilder();
        for (int line = 1; text.length() < 3 * BLOCK + 5000; line++) {
            text.append("[INFO] line ").append(line).append(": compiling module ").append(line % 17)
                    .append(" of the build, all fine so far\n");
        }
        assertThat(text.toString().getBytes(StandardCharsets.UTF_8)).hasSize(text.length());
        return text.toString();
    }
}
