package io.pipelinesgateway.cache;

import io.pipelinesgateway.support.FakeBitbucket;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.pipelinesgateway.support.Fixtures.PIPELINE_42;
import static io.pipelinesgateway.support.Fixtures.STEP_BUILD;
import static io.pipelinesgateway.support.Fixtures.stepPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A completed step's log is cached in blocks: a tail, and a later read of the whole log, share what is there, so the
 * later read costs only the blocks the tail did not need.
 */
class CompletedLogBlocksAreSharedTest extends CachingGatewayTest {

    private static final String LOG = stepPath(PIPELINE_42, STEP_BUILD) + "/log";
    private static final String QUERY = """
            query { pipeline(workspace: "acme", repository: "api", uuid: "%s") {
              step(uuid: "%s") { log { %%s } } } }
            """.formatted(PIPELINE_42, STEP_BUILD);

    @Test
    void aTailAndALaterFullReadShareTheCachedBlocks() {
        given("pipeline-42.json");
        given("step-build.json");
        String text = "x".repeat(99) + "\n";
        String log = text.repeat(1500); // 150,000 bytes: three blocks of 64 KiB, the last one partial
        bitbucket.stubFor(get(urlPathEqualTo(FakeBitbucket.api(LOG)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(log)));
        String caller = freshCredential();

        graphQl(caller).document(QUERY.formatted("tail(lines: 5) { text }")).execute().errors().verify();
        assertThat(ranges()).containsExactly("bytes=0-65535", "bytes=131072-196607");

        graphQl(caller).document(QUERY.formatted("range(offset: 0, length: 1048576) { length }")).execute()
                .errors().verify()
                .path("pipeline.step.log.range.length").entity(Integer.class).isEqualTo(log.length());
        assertThat(ranges()).as("only the middle block was still missing")
                .containsExactly("bytes=0-65535", "bytes=131072-196607", "bytes=65536-131071");

        graphQl(caller).document(QUERY.formatted("size tail(lines: 50) { text }")).execute().errors().verify();
        assertThat(ranges()).hasSize(3);
    }

    private java.util.List<String> ranges() {
        return bitbucket.findAll(getOf(LOG)).stream().map(request -> request.getHeader("Range")).toList();
    }
}
